import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../ui/format';
import { useSupplementRequest } from './queries';
import { RECEPTION } from './strings';

/** What the unit asked the applicant to bring, and when: the last request-supplement step of the dossier's history. */
export function SupplementRequestCell({ dossierId }: { dossierId: string }) {
  const { t } = useTranslation(RECEPTION);
  const request = useSupplementRequest(dossierId);
  if (request.isPending) return <span className="reception-muted">{t('handover.loadingReason')}</span>;
  if (request.error || !request.data) return <span className="reception-muted">—</span>;
  return (
    <div>
      <div style={{ whiteSpace: 'pre-wrap' }}>
        {request.data.reason || <span className="reception-muted">{t('handover.noReason')}</span>}
      </div>
      <div className="reception-muted">
        {t('handover.requestedAt')}: {formatDateTime(request.data.at)}
      </div>
    </div>
  );
}
