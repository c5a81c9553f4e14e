import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { shownCell } from './dataset';
import { count, IndicatorRow, ratioOf, totalPoints } from './report-row';
import { DASHBOARD } from './strings';
import { DashboardTable } from './DashboardTable';

interface IndicatorTableProps {
  caption: string;
  groupHeader: string;
  rows: readonly IndicatorRow[];
  name: (key: string | null) => string;
  /** Where a row leads (a commune's or a procedure's own view); none for a row without a key. */
  hrefOf: (key: string) => string;
}

const SHARE = { key: 'share', label: '', kind: 'share' } as const;
const NUMBER = { key: 'number', label: '', kind: 'number' } as const;

/** One row per commune or procedure: its flows, its on-time share and its 766 points, each leading one level down. */
export function IndicatorTable({ caption, groupHeader, rows, name, hrefOf }: IndicatorTableProps) {
  const { t, i18n } = useTranslation(DASHBOARD);
  const number = (value: number) => shownCell(value, NUMBER, i18n.language);
  const columns = [
    groupHeader,
    t('headers.receivedHere'),
    t('headers.resolvedHere'),
    t('headers.onTime'),
    t('headers.openOverdue'),
    t('headers.points'),
  ];
  const sorted = [...rows].sort(
    (a, b) => totalPoints(b).points - totalPoints(a).points || b.receivedHere - a.receivedHere,
  );
  return (
    <DashboardTable
      caption={caption}
      columns={[
        { label: groupHeader, rowHeader: true },
        ...columns.slice(1).map((label) => ({ label, numeric: true })),
      ]}
      rows={sorted.map((row) => {
        const onTime = ratioOf(row, 'onTimeOrWithinDeadlineShare').value;
        const total = totalPoints(row);
        return {
          key: row.key ?? '',
          cells: [
            row.key ? <Link to={hrefOf(row.key)}>{name(row.key)}</Link> : name(null),
            number(row.receivedHere),
            number(row.resolvedHere),
            onTime === null ? '–' : shownCell(onTime, SHARE, i18n.language),
            number(count(row, 'openOverdue')),
            `${number(total.points)} / ${number(total.maxPoints)}`,
          ],
        };
      })}
    />
  );
}
