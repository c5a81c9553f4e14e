import { Alert, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/format';
import { LEADERSHIP } from '../strings';
import type { SigningKey } from './signing-key';

/** How the leader's approvals will be signed, said before he approves: at once by the service, or on his device. */
export function SigningKeyNotice({
  signingKey,
  loading,
  error,
}: {
  signingKey: SigningKey | null;
  loading: boolean;
  error: unknown;
}) {
  const { t } = useTranslation(LEADERSHIP);
  if (loading) return <Skeleton active paragraph={false} />;
  if (error || !signingKey) return <Alert type="warning" showIcon title={t('key.unknown')} />;
  if (signingKey.kind === 'none')
    return <Alert type="error" showIcon title={t('key.none')} description={t('key.noneText')} />;
  const { certificate } = signingKey;
  const owner = t('key.certificate', {
    name: certificate.commonName,
    serial: certificate.serialNumber,
    until: formatDate(certificate.notAfter),
  });
  if (signingKey.kind === 'locked') {
    return (
      <Alert
        type="error"
        showIcon
        title={t('key.locked')}
        description={
          <>
            {owner}
            {certificate.lockReason ? ` — ${certificate.lockReason}` : ''}
          </>
        }
      />
    );
  }
  return <Alert type="info" showIcon title={t(`key.${signingKey.kind}`)} description={owner} />;
}
