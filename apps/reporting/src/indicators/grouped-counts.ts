import { addDays } from '@onestop/calendar';
import { ViewingScope } from '@onestop/platform';
import { EntityManager } from 'typeorm';
import { Counter, COUNTERS, STOCK_CHANGES } from '../projections/daily-counters';
import { fieldCodeOf } from '../projections/procedure-fields';
import { counterRanges, CounterRanges, countersSource } from './counter-ranges';
import { addCounts, emptyCounts, IndicatorCounts } from './indicator-counts';
import { endsWeek, Groupings, isTimeGrouping, weekKey } from './indicator-groupings';
import { IndicatorGrouping } from './indicators.dto';
import { ReportPeriod } from './report-period';

/** The flows of `daily_counters`, by the name IndicatorCounts gives them; complete by type. */
const FLOW_FIELDS: Record<Counter, keyof IndicatorCounts> = {
  received: 'received',
  received_online: 'receivedOnline',
  refused: 'refused',
  resolved: 'resolved',
  resolved_on_time: 'resolvedOnTime',
  resolved_late: 'resolvedLate',
  processing_minutes_sum: 'processingMinutesSum',
  stopped: 'stopped',
  withdrawn: 'withdrawn',
  returned: 'returned',
  returned_electronic: 'returnedElectronic',
  signed_results: 'signedResults',
  overdue_events: 'overdueEvents',
  apologies: 'apologies',
  undeliverable_notices: 'undeliverableNotices',
  ratings: 'ratings',
  rating_points_sum: 'ratingPointsSum',
  satisfied_ratings: 'satisfiedRatings',
};

/**
 * What a grouping groups the counters by. Fields are grouped by procedure in SQL and folded in code
 * (the counters carry no field); procedures are disjoint, so their counts add up. The open stock
 * belongs to the processing unit, as outcomes do. A week is keyed by its Monday, the period's first
 * day standing for a week begun before it ($3); `day` is a date, so no time zone is involved.
 */
const GROUP_KEYS: Record<IndicatorGrouping | 'scope', string> = {
  scope: `''`,
  commune: 'unit_code',
  procedure: 'procedure_code',
  field: 'procedure_code',
  day: `to_char(day, 'YYYY-MM-DD')`,
  week: `to_char(GREATEST(day - (EXTRACT(ISODOW FROM day)::int - 1), $3::date), 'YYYY-MM-DD')`,
};

type CountsRow = { key: string; subKey: string } & Partial<IndicatorCounts>;

/** The counts of one group: `key` by the first grouping, `subKey` by the second (null without). */
export interface GroupCounts {
  key: string | null;
  subKey: string | null;
  counts: IndicatorCounts;
}

/** Flows summed over the period's days, stocks at the end of the period (or of each day or week), per group. */
export async function groupedCounts(db: Pick<EntityManager, 'query'>, groupings: Groupings, scope: ViewingScope, period: ReportPeriod): Promise<GroupCounts[]> {
  const [flowRows, stockRows] = await Promise.all([flows(db, groupings, scope, period), openAtEnd(db, groupings, scope, period)]);
  const byKey = new Map<string, GroupCounts>();
  for (const { key, subKey, ...counts } of [...flowRows, ...stockRows]) {
    const group = { key: groupKey(groupings.by, key), subKey: groupings.then === null ? null : groupKey(groupings.then, subKey) };
    const id = JSON.stringify([group.key, group.subKey]);
    const sum = addCounts(byKey.get(id)?.counts ?? emptyCounts(), { ...emptyCounts(), ...counts });
    byKey.set(id, { ...group, counts: sum });
  }
  return [...byKey.values()];
}

function groupKey(grouping: IndicatorGrouping | 'scope', key: string): string | null {
  return grouping === 'scope' ? null : grouping === 'field' ? fieldCodeOf(key) : key;
}

/** The scope's parameters: $1 province, $2 unit or null, and $3 the period's first day where a query needs it. */
function scopeParameters(scope: ViewingScope, period: ReportPeriod, withFrom: boolean): string[] {
  return withFrom ? [scope.provinceCode, scope.unitCode as string, period.from] : [scope.provinceCode, scope.unitCode as string];
}

/**
 * The flows, plus the distinct unit × procedure pairs that received dossiers: the read model keeps
 * no list of the procedures a unit offers, so a procedure counts as offered where it received at
 * least one dossier in the group, and as online where at least one of those was filed online.
 */
function flows(db: Pick<EntityManager, 'query'>, groupings: Groupings, scope: ViewingScope, period: ReportPeriod): Promise<CountsRow[]> {
  const byTime = isTimeGrouping(groupings.by) || isTimeGrouping(groupings.then);
  // By day or week, the days are read on their own; otherwise whole months come from the monthly rows.
  const ranges: CounterRanges = byTime ? { days: [[period.from, period.to]], months: null } : counterRanges(period.from, period.to);
  const withFrom = groupings.by === 'week' || groupings.then === 'week';
  const parameters = scopeParameters(scope, period, withFrom);
  const source = countersSource(ranges, COUNTERS, parameters.length + 1);
  const subKey = groupings.then === null ? `''` : GROUP_KEYS[groupings.then];
  // Summed per unit × procedure first: a pair offers its procedure when it received any dossier.
  return db.query(
    `SELECT key, sub_key AS "subKey", ${COUNTERS.map((counter) => `SUM(${counter})::float8 AS "${FLOW_FIELDS[counter]}"`).join(', ')},
            COUNT(*) FILTER (WHERE received > 0)::float8 AS "proceduresOffered",
            COUNT(*) FILTER (WHERE received_online > 0)::float8 AS "proceduresWithOnlineDossiers"
       FROM (SELECT ${GROUP_KEYS[groupings.by]} AS key, ${subKey} AS sub_key, unit_code, procedure_code, ${COUNTERS.map((counter) => `SUM(${counter}) AS ${counter}`).join(', ')}
               FROM (${source.sql}) AS counters GROUP BY 1, 2, 3, 4) AS pairs
      GROUP BY key, sub_key`,
    [...parameters, ...source.parameters],
  );
}

/**
 * Dossiers still open at the end of the period (of each day or week, grouped by time), overdue if
 * their deadline had passed: the sums of the stock changes up to that day. The read model keeps
 * each dossier's latest deadline and unit only, so a deadline moved later by an apology, or cleared
 * while the clock is paused for a supplement, is what a past period is judged by.
 */
async function openAtEnd(db: Pick<EntityManager, 'query'>, groupings: Groupings, scope: ViewingScope, period: ReportPeriod): Promise<CountsRow[]> {
  const time = [groupings.by, groupings.then].find(isTimeGrouping);
  if (time === undefined) {
    const source = countersSource(counterRanges(null, period.to), STOCK_CHANGES, 3);
    const subKey = groupings.then === null ? `''` : GROUP_KEYS[groupings.then];
    const rows: StockRow[] = await db.query(
      `SELECT ${GROUP_KEYS[groupings.by]} AS key, ${subKey} AS "subKey", SUM(open_change)::float8 AS open, SUM(overdue_open_change)::float8 AS overdue
         FROM (${source.sql}) AS counters GROUP BY 1, 2`,
      [...scopeParameters(scope, period, false), ...source.parameters],
    );
    return stockCounts(rows);
  }
  // The changes before the period add up to one opening balance (day ''), then each day's follow.
  const other = time === groupings.by ? groupings.then : groupings.by;
  const before = counterRanges(null, addDays(period.from, -1));
  const ranges: CounterRanges = { ...before, days: [...before.days, [period.from, period.to]] };
  const source = countersSource(ranges, STOCK_CHANGES, 4);
  const changes: Array<{ other: string; day: string; open: number; overdue: number }> = await db.query(
    `SELECT ${GROUP_KEYS[other ?? 'scope']} AS other, CASE WHEN day < $3::date THEN '' ELSE to_char(day, 'YYYY-MM-DD') END AS day,
            SUM(open_change)::float8 AS open, SUM(overdue_open_change)::float8 AS overdue
       FROM (${source.sql}) AS counters GROUP BY 1, 2`,
    [...scopeParameters(scope, period, true), ...source.parameters],
  );
  const rows: StockRow[] = [];
  for (const [otherKey, byDay] of groupBy(changes, (change) => change.other)) {
    for (const stock of stocksAtEnds(byDay, period, time)) {
      rows.push(time === groupings.by ? { key: stock.key, subKey: otherKey, ...stock.levels } : { key: otherKey, subKey: stock.key, ...stock.levels });
    }
  }
  return stockCounts(rows);
}

type StockRow = { key: string; subKey: string; open: number; overdue: number };

function stockCounts(rows: StockRow[]): CountsRow[] {
  return rows.filter(({ open }) => open !== 0).map(({ key, subKey, open, overdue }) => ({ key, subKey, openWithinDeadline: open - overdue, openOverdue: overdue }));
}

/** The stocks at the end of each day (or each week) of the period: the opening balance plus the changes up to it. */
function stocksAtEnds(changes: Array<{ day: string; open: number; overdue: number }>, period: ReportPeriod, time: 'day' | 'week') {
  const byDay = new Map(changes.map((change) => [change.day, change]));
  let open = byDay.get('')?.open ?? 0;
  let overdue = byDay.get('')?.overdue ?? 0;
  const ends: Array<{ key: string; levels: { open: number; overdue: number } }> = [];
  for (const { day } of period.days) {
    open += byDay.get(day)?.open ?? 0;
    overdue += byDay.get(day)?.overdue ?? 0;
    if (time === 'day') ends.push({ key: day, levels: { open, overdue } });
    else if (endsWeek(day, period.to)) ends.push({ key: weekKey(day, period.from), levels: { open, overdue } });
  }
  return ends;
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
