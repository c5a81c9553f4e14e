import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { components } from '../api/generated/reporting';
import { DashboardTable } from './DashboardTable';
import { DASHBOARD } from './strings';

type UnitDeadlineCount = components['schemas']['UnitDeadlineCountDto'];

/** Each unit's open dossiers late or due within a working day, now: the counts the drill-down lists. */
export function DeadlinesTable({
  units,
  name,
  hrefOf,
}: {
  units: readonly UnitDeadlineCount[];
  name: (code: string) => string;
  hrefOf: (code: string) => string;
}) {
  const { t } = useTranslation(DASHBOARD);
  if (units.length === 0) return <Empty description={t('sections.deadlinesNone')} />;
  return (
    <DashboardTable
      caption={t('sections.deadlinesCaption')}
      columns={[
        { label: t('headers.commune'), rowHeader: true },
        { label: t('headers.late'), numeric: true },
        { label: t('headers.dueSoon'), numeric: true },
      ]}
      rows={units.map((unit) => ({
        key: unit.unitCode,
        className: unit.late > 0 ? 'urgency-overdue' : 'urgency-due-soon',
        cells: [<Link to={hrefOf(unit.unitCode)}>{name(unit.unitCode)}</Link>, unit.late, unit.dueSoon],
      }))}
    />
  );
}
