import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Notice } from './Notice';

export function NotFound() {
  const { t } = useTranslation();
  return <Notice title={t('session.notFoundTitle')} action={<Link to="/">{t('session.home')}</Link>} />;
}
