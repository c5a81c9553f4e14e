import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { useAuth } from '../auth/AuthProvider';
import { SignInPage } from '../auth/SessionPages';

/** Every screen under it needs a session: before sign-in the sign-in page stands in its place, at the same address. */
export function SignedInOnly() {
  const { t } = useTranslation();
  const { state } = useAuth();
  if (state === 'loading') return <p className="page-loading">{t('common.loading')}</p>;
  if (state === 'signed-out') return <SignInPage />;
  return <Outlet />;
}
