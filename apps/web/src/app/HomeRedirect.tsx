import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router-dom';
import { useAuth } from '../auth/AuthProvider';
import { destinationsFor } from './navigation';
import { Notice } from './Notice';

/** The start page is the first screen of the signed-in roles: the counter for a desk, the work queue for a specialist, their own dossiers for a citizen. */
export function HomeRedirect() {
  const { t } = useTranslation();
  const { principal } = useAuth();
  const first = destinationsFor(principal?.roles ?? [])[0];
  if (first) return <Navigate to={first.path} replace />;
  if (principal?.roles.includes('citizen')) return <Navigate to="/cua-toi" replace />;
  return <Notice title={t('session.noRoleText')} />;
}
