import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { components } from '../api/generated/reporting';
import { shownCell } from './dataset';
import { DASHBOARD } from './strings';
import { DashboardTable } from './DashboardTable';

type RankedUnit = components['schemas']['RankedUnitDto'];

const NUMBER = { key: 'number', label: '', kind: 'number' } as const;

/** The units ranked by 766 points, with how each moved since the previous period of the same length. */
export function RankingsTable({
  units,
  name,
  hrefOf,
}: {
  units: readonly RankedUnit[];
  name: (code: string) => string;
  hrefOf: (code: string) => string;
}) {
  const { t, i18n } = useTranslation(DASHBOARD);
  const number = (value: number) => shownCell(value, NUMBER, i18n.language);

  function change(unit: RankedUnit): string {
    if (unit.previousRank === null || unit.previousPoints === null) return t('rankings.new');
    const places = unit.previousRank - unit.rank;
    const arrow = places > 0 ? '↑' : places < 0 ? '↓' : '=';
    const points = Math.round((unit.points - unit.previousPoints) * 100) / 100;
    return t('rankings.change', {
      arrow,
      places: Math.abs(places),
      points: `${points > 0 ? '+' : ''}${number(points)}`,
    });
  }

  if (units.length === 0) return <Empty description={t('rankings.none')} />;
  return (
    <DashboardTable
      caption={t('rankings.caption')}
      columns={[
        { label: t('rankings.rank'), numeric: true },
        { label: t('headers.commune'), rowHeader: true },
        { label: t('headers.points'), numeric: true },
        { label: t('rankings.since') },
      ]}
      rows={units.map((unit) => ({
        key: unit.unitCode,
        cells: [
          unit.rank,
          <Link to={hrefOf(unit.unitCode)}>{name(unit.unitCode)}</Link>,
          `${number(unit.points)} / ${number(unit.maxPoints)}`,
          change(unit),
        ],
      }))}
    />
  );
}
