import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DueCell } from '../ui/DueCell';
import { ListFooter } from '../ui/ListParts';
import { ProblemAlert } from '../ui/ProblemAlert';
import { useOpenDossiers } from './queries';
import { DASHBOARD } from './strings';

/** Where an open dossier stands, from its status and last action: at signature once a leader was asked to decide. */
function stepKey(status: number, lastAction: string | null): string {
  if (status === 4 && (lastAction === 'approve' || lastAction === 'reject')) return 'signature';
  return String(status);
}

/** The late or due-soon dossiers behind a unit's numbers: code (opening the dossier's page), step, officer, deadline. No applicant data. */
export function OpenDossiers({
  unit,
  procedure,
  state,
}: {
  unit: string;
  procedure: string | null;
  state: 'late' | 'due-soon';
}) {
  const { t } = useTranslation(DASHBOARD);
  const dossiers = useOpenDossiers(unit, procedure, state);
  const items = dossiers.data?.pages.flatMap((page) => page.items) ?? [];
  const headers = {
    code: t('dossiers.code'),
    step: t('dossiers.step'),
    officer: t('dossiers.officer'),
    due: t('dossiers.due'),
    hours: t(`dossiers.hours.${state}`),
  };

  return (
    <section className="dashboard-section" aria-labelledby={`dashboard-${state}`}>
      <h2 id={`dashboard-${state}`} className="section-title">
        {t(`dossiers.title.${state}`)}
      </h2>
      <ProblemAlert error={dossiers.error} />
      {items.length === 0 ? (
        <Empty description={dossiers.isPending ? t('live.loading') : t(`dossiers.empty.${state}`)} />
      ) : (
        <div className="dashboard-table-scroll">
          <table className="queue-table dashboard-table">
            <caption>{t(`dossiers.caption.${state}`, { count: items.length })}</caption>
            <thead>
              <tr>
                {Object.values(headers).map((header) => (
                  <th key={header} scope="col">
                    {header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.dossierId} className={state === 'late' ? 'urgency-overdue' : 'urgency-due-soon'}>
                  <th scope="row" data-label={headers.code}>
                    <Link to={`/ho-so/${item.dossierId}`}>{item.code}</Link>
                  </th>
                  <td data-label={headers.step}>
                    {t(`dossiers.steps.${stepKey(item.status, item.lastAction)}`, {
                      defaultValue: String(item.status),
                    })}
                  </td>
                  <td data-label={headers.officer} className="officer-id">
                    {item.assigneeId ?? t('dossiers.unassigned')}
                  </td>
                  <td data-label={headers.due}>
                    <DueCell dueAt={item.dueAt} />
                  </td>
                  <td data-label={headers.hours}>
                    {t('dossiers.workingHours', { hours: Math.abs(item.overdueWorkingHours) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ListFooter
        hasMore={Boolean(dossiers.hasNextPage)}
        loading={dossiers.isFetchingNextPage}
        shown={items.length}
        onMore={() => void dossiers.fetchNextPage()}
      />
    </section>
  );
}
