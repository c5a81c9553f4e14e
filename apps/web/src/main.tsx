// First: the strings must be ready before any screen renders.
import i18n from './i18n/i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createUserManager } from './auth/session';
import { loadRuntimeConfig } from './config/runtime-config';
import './styles.css';

const root = createRoot(document.getElementById('root')!);

loadRuntimeConfig().then(
  (config) =>
    root.render(
      <StrictMode>
        <App userManager={createUserManager(config)} />
      </StrictMode>,
    ),
  // Without its settings the application cannot know where to sign in: a plain page says so (no Ant Design: it may be what failed).
  (error: unknown) =>
    root.render(
      <main style={{ fontFamily: 'sans-serif', padding: 32 }}>
        <h1>{i18n.t('session.configUnavailable')}</h1>
        <p>{error instanceof Error ? error.message : String(error)}</p>
      </main>,
    ),
);
