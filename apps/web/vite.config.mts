import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The services' local ports, as `npm run up` starts them: the development server passes /api/<service>/ to each, as nginx does. */
const SERVICES: Record<string, number> = {
  intake: 3001,
  routing: 3002,
  'digital-signature': 3003,
  notification: 3004,
  reporting: 3005,
  'task-monitoring': 3006,
};

export default defineConfig({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/apps/web',
  plugins: [react()],
  server: {
    port: 4200,
    host: '127.0.0.1',
    proxy: Object.fromEntries(
      Object.entries(SERVICES).map(([service, port]) => [`/api/${service}/`, { target: `http://127.0.0.1:${port}`, rewrite: (path: string) => path.replace(`/api/${service}/`, '/api/') }]),
    ),
  },
  build: {
    outDir: '../../dist/apps/web',
    emptyOutDir: true,
    // The bundle budget (tools/web/bundle-budget.ts) follows each route's chunks through the manifest.
    manifest: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
});
