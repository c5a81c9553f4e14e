import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { components } from '../api/generated/reporting';
import { shownCell } from './dataset';
import { DASHBOARD } from './strings';

type RankedUnit = components['schemas']['RankedUnitDto'];

const NUMBER = { key: 'number', label: '', kind: 'number' } as const;

/** The units ranked by 766 points, with how each moved since the previous period of the same length. */
export function RankingsTable({ units, name, hrefOf }: { units: readonly RankedUnit[]; name: (code: string) => string; hrefOf: (code: string) => string }) {
  const { t, i18n } = useTranslation(DASHBOARD);
  const number = (value: number) => shownCell(value, NUMBER, i18n.language);

  function change(unit: RankedUnit): string {
    if (unit.previousRank === null || unit.previousPoints === null) return t('rankings.new');
    const places = unit.previousRank - unit.rank;
    const arrow = places > 0 ? '↑' : places < 0 ? '↓' : '=';
    const points = Math.round((unit.points - unit.previousPoints) * 100) / 100;
    return t('rankings.change', { arrow, places: Math.abs(places), points: `${points > 0 ? '+' : ''}${number(points)}` });
  }

  if (units.length === 0) return <Empty description={t('rankings.none')} />;
  return (
    <div className="dashboard-table-scroll">
      <table className="queue-table dashboard-table">
        <caption>{t('rankings.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="number">
              {t('rankings.rank')}
            </th>
            <th scope="col">{t('headers.commune')}</th>
            <th scope="col" className="number">
              {t('headers.points')}
            </th>
            <th scope="col">{t('rankings.since')}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((unit) => (
            <tr key={unit.unitCode}>
              <td data-label={t('rankings.rank')} className="number">
                {unit.rank}
              </td>
              <th scope="row" data-label={t('headers.commune')}>
                <Link to={hrefOf(unit.unitCode)}>{name(unit.unitCode)}</Link>
              </th>
              <td data-label={t('headers.points')} className="number">
                {number(unit.points)} / {number(unit.maxPoints)}
              </td>
              <td data-label={t('rankings.since')}>{change(unit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
