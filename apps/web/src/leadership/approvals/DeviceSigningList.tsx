import { Alert, Button, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../ui/format';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { LEADERSHIP } from '../strings';
import type { SignatureRequest } from './queries';

/** Results of the leader's decisions that wait for his device or remote signature, oldest first. */
export function DeviceSigningList({
  requests,
  error,
  canSign,
  onSign,
}: {
  requests: SignatureRequest[];
  error: unknown;
  canSign: boolean;
  onSign: (request: SignatureRequest) => void;
}) {
  const { t } = useTranslation(LEADERSHIP);
  return (
    <section aria-labelledby="device-signatures">
      <h2 id="device-signatures" className="section-title">
        {t('device.listTitle')}
      </h2>
      <ProblemAlert error={error} />
      {!canSign && requests.length > 0 && (
        <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={t('device.noDeviceKey')} />
      )}
      {requests.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('device.none')} />
      ) : (
        <table className="queue-table">
          <caption>{t('device.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('approvals.code')}</th>
              <th scope="col">{t('device.requestedAt')}</th>
              <th scope="col">{t('device.action')}</th>
            </tr>
          </thead>
          <tbody>
            {requests.map((request) => (
              <tr key={request.id}>
                <td data-label={t('approvals.code')}>
                  <Link to={`/ho-so/${request.dossierId}`}>{request.dossierCode}</Link>
                </td>
                <td data-label={t('device.requestedAt')}>{formatDateTime(request.createdAt)}</td>
                <td data-label={t('device.action')}>
                  <Button
                    size="small"
                    type="primary"
                    disabled={!canSign}
                    onClick={() => onSign(request)}
                    aria-label={t('approvals.signLabel', { code: request.dossierCode })}
                  >
                    {t('approvals.sign')}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
