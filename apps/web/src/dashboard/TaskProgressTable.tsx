import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import type { components } from '../api/generated/reporting';
import { shownCell } from './dataset';
import { DASHBOARD } from './strings';

type CommuneProgress = components['schemas']['CommuneTaskProgressDto'];

const SHARE = { key: 'share', label: '', kind: 'share' } as const;

/** The province's tasks per commune: how many are due in the period, done, at risk and overdue. */
export function TaskProgressTable({ communes, period, name }: { communes: readonly CommuneProgress[]; period: string; name: (code: string) => string }) {
  const { t, i18n } = useTranslation(DASHBOARD);
  const headers = [t('tasks.tasks'), t('tasks.done'), t('tasks.shareDone'), t('tasks.atRisk'), t('tasks.overdue')];
  if (communes.length === 0) return <Empty description={t('tasks.none', { period })} />;
  return (
    <div className="dashboard-table-scroll">
      <table className="queue-table dashboard-table">
        <caption>{t('tasks.caption', { period })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('headers.commune')}</th>
            {headers.map((header) => (
              <th key={header} scope="col" className="number">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {communes.map((commune) => {
            const cells = [commune.tasks, commune.done, commune.shareDone.value === null ? '–' : shownCell(commune.shareDone.value, SHARE, i18n.language), commune.atRisk, commune.overdue];
            return (
              <tr key={commune.communeCode} className={commune.overdue > 0 ? 'urgency-overdue' : commune.atRisk > 0 ? 'urgency-due-soon' : undefined}>
                <th scope="row" data-label={t('headers.commune')}>
                  {name(commune.communeCode)}
                </th>
                {cells.map((cell, index) => (
                  <td key={headers[index]} data-label={headers[index]} className="number">
                    {cell}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
