import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { Notice } from '../app/Notice';
import { useAuth } from './AuthProvider';

/** The page before sign-in: what this is, and the button to the province's identity provider. */
export function SignInPage() {
  const { t } = useTranslation();
  const { signIn } = useAuth();
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  if (failed) return <ProviderUnreachable onRetry={() => setFailed(false)} />;
  return (
    <main>
      <Notice
        title={t('session.welcomeTitle')}
        action={
          <button
            type="button"
            className="primary-button"
            aria-busy={busy}
            onClick={() => {
              setBusy(true);
              // The redirect fails before leaving the page when the provider's discovery document cannot be read.
              signIn().catch(() => {
                setBusy(false);
                setFailed(true);
              });
            }}
          >
            {busy ? t('session.signingIn') : t('session.signIn')}
          </button>
        }
      >
        <p>{t('app.fullName')}</p>
        <p className="muted">{t('session.welcomeText')}</p>
      </Notice>
    </main>
  );
}

/** When the identity provider does not answer, the page says so and offers to try again, instead of a blank screen. */
export function ProviderUnreachable({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  const { userManager } = useAuth();
  return (
    <main>
      <Notice
        tone="warning"
        title={t('session.providerUnreachableTitle')}
        action={
          <button type="button" className="primary-button" onClick={onRetry}>
            {t('session.retry')}
          </button>
        }
      >
        <p>{t('session.providerUnreachableText', { authority: userManager.settings.authority })}</p>
      </Notice>
    </main>
  );
}

/** Where the provider sends the browser back with the code: the code is exchanged, then the officer lands where they were going. */
export function SignInCallback() {
  const { t } = useTranslation();
  const { userManager } = useAuth();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    let cancelled = false;
    userManager
      .signinRedirectCallback()
      .then((user) => {
        const returnTo = (user.state as { returnTo?: string } | undefined)?.returnTo;
        if (!cancelled)
          void navigate(returnTo && returnTo.startsWith('/') && !returnTo.startsWith('/dang-nhap') ? returnTo : '/', {
            replace: true,
          });
      })
      .catch((failure: unknown) => !cancelled && setError(failure));
    return () => {
      cancelled = true;
    };
  }, [userManager, navigate]);
  if (!error) return <p className="page-loading">{t('common.loading')}</p>;
  return (
    <main>
      <Notice tone="error" title={t('session.callbackFailed')} action={<Link to="/">{t('session.home')}</Link>}>
        <p>{error instanceof Error ? error.message : String(error)}</p>
      </Notice>
    </main>
  );
}
