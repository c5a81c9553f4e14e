import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../ui/format';
import { Callout, Facts } from '../ui/public/PublicParts';
import { StatusTag } from '../ui/StatusTag';
import { latestApology, PublicStatus } from './queries';
import { LOOKUP } from './strings';

/** What the look-up found: status, appointment, the unit's apology if it made one, the public steps as a timeline, then `children` (the rating). */
export function StatusCard({ found, children }: { found: PublicStatus; children?: ReactNode }) {
  const { t, i18n } = useTranslation(LOOKUP);
  const apology = latestApology(found);
  return (
    <section className="public-card" aria-labelledby="lookup-found">
      <h2 id="lookup-found">{t('dossier', { code: found.code })}</h2>
      <Facts
        rows={[
          [t('status'), <StatusTag key="status" status={found.status} />],
          [apology ? t('newAppointment') : t('appointment'), formatDate(found.appointmentDate) || t('noAppointment')],
        ]}
      />
      {apology && (
        <Callout tone="warning" title={t('apologyTitle', { date: formatDate(found.appointmentDate) })}>
          {apology.note && <p style={{ margin: '6px 0 0' }}>{apology.note}</p>}
        </Callout>
      )}
      <h2>{t('history')}</h2>
      <ol className="public-timeline">
        {found.history.map((step, index) => (
          <li key={`${step.at}-${index}`}>
            <strong>{step.action === 'apology' ? t('apologyStep') : i18n.t(`status.${step.to}`)}</strong>
            <time dateTime={step.at}>{formatDateTime(step.at)}</time>
            {step.note && step.action !== 'apology' && <div>{step.note}</div>}
          </li>
        ))}
      </ol>
      {children}
    </section>
  );
}
