import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useAuth } from '../auth/AuthProvider';
import { hasAnyRole, Role } from '../auth/session';
import { Notice } from './Notice';

/** A screen for some roles only: others are told so (the services refuse them anyway). */
export function RoleGate({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { t } = useTranslation();
  const { principal } = useAuth();
  if (hasAnyRole(principal, roles)) return children;
  return (
    <Notice tone="warning" title={t('session.forbiddenTitle')} action={<Link to="/">{t('session.home')}</Link>}>
      <p>{t('session.forbiddenText')}</p>
    </Notice>
  );
}
