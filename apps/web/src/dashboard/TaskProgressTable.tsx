import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import type { components } from '../api/generated/reporting';
import { shownCell } from './dataset';
import { DASHBOARD } from './strings';
import { DashboardTable } from './DashboardTable';

type CommuneProgress = components['schemas']['CommuneTaskProgressDto'];

const SHARE = { key: 'share', label: '', kind: 'share' } as const;

/** The province's tasks per commune: how many are due in the period, done, at risk and overdue. */
export function TaskProgressTable({
  communes,
  period,
  name,
}: {
  communes: readonly CommuneProgress[];
  period: string;
  name: (code: string) => string;
}) {
  const { t, i18n } = useTranslation(DASHBOARD);
  const headers = [t('tasks.tasks'), t('tasks.done'), t('tasks.shareDone'), t('tasks.atRisk'), t('tasks.overdue')];
  if (communes.length === 0) return <Empty description={t('tasks.none', { period })} />;
  return (
    <DashboardTable
      caption={t('tasks.caption', { period })}
      columns={[
        { label: t('headers.commune'), rowHeader: true },
        ...headers.map((label) => ({ label, numeric: true })),
      ]}
      rows={communes.map((commune) => ({
        key: commune.communeCode,
        className: commune.overdue > 0 ? 'urgency-overdue' : commune.atRisk > 0 ? 'urgency-due-soon' : undefined,
        cells: [
          name(commune.communeCode),
          commune.tasks,
          commune.done,
          commune.shareDone.value === null ? '–' : shownCell(commune.shareDone.value, SHARE, i18n.language),
          commune.atRisk,
          commune.overdue,
        ],
      }))}
    />
  );
}
