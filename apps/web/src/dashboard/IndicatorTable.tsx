import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { shownCell } from './dataset';
import { count, IndicatorRow, ratioOf, totalPoints } from './report-row';
import { DASHBOARD } from './strings';

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
  const columns = [groupHeader, t('headers.receivedHere'), t('headers.resolvedHere'), t('headers.onTime'), t('headers.openOverdue'), t('headers.points')];
  const sorted = [...rows].sort((a, b) => totalPoints(b).points - totalPoints(a).points || b.receivedHere - a.receivedHere);
  return (
    <div className="dashboard-table-scroll">
      <table className="queue-table dashboard-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th key={column} scope="col" className={index > 0 ? 'number' : undefined}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => {
            const onTime = ratioOf(row, 'onTimeOrWithinDeadlineShare').value;
            const total = totalPoints(row);
            const cells = [number(row.receivedHere), number(row.resolvedHere), onTime === null ? '–' : shownCell(onTime, SHARE, i18n.language), number(count(row, 'openOverdue')), `${number(total.points)} / ${number(total.maxPoints)}`];
            return (
              <tr key={row.key ?? ''}>
                <th scope="row" data-label={groupHeader}>
                  {row.key ? <Link to={hrefOf(row.key)}>{name(row.key)}</Link> : name(null)}
                </th>
                {cells.map((cell, index) => (
                  <td key={columns[index + 1]} data-label={columns[index + 1]} className="number">
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
