import { addDays } from '@onestop/calendar';
import { ViewingScope } from '@onestop/platform';
import { fieldCodeOf } from '../read-model/procedure-fields';
import { counterRanges, CounterRanges } from './counter-ranges';
import { CounterSumsStore, FlowRow, StockRow } from './counter-sums.store';
import { addCounts, emptyCounts, IndicatorCounts } from './indicator-counts';
import { endsWeek, Groupings, isTimeGrouping, weekKey } from './indicator-groupings';
import { IndicatorGrouping } from './dto/indicators-query.dto';
import { ReportPeriod } from './report-period';

type CountsRow = { key: string; subKey: string } & Partial<IndicatorCounts>;

/** The counts of one group: `key` by the first grouping, `subKey` by the second (null without). */
export interface GroupCounts {
  key: string | null;
  subKey: string | null;
  counts: IndicatorCounts;
}

/** Flows summed over the period's days, stocks at the end of the period (or of each day or week), per group. */
export async function groupedCounts(
  store: CounterSumsStore,
  groupings: Groupings,
  scope: ViewingScope,
  period: ReportPeriod,
): Promise<GroupCounts[]> {
  const [flowRows, stockRows] = await Promise.all([
    flows(store, groupings, scope, period),
    openAtEnd(store, groupings, scope, period),
  ]);
  const byKey = new Map<string, GroupCounts>();
  for (const { key, subKey, ...counts } of [...flowRows, ...stockRows]) {
    const group = {
      key: groupKey(groupings.by, key),
      subKey: groupings.then === null ? null : groupKey(groupings.then, subKey),
    };
    const id = JSON.stringify([group.key, group.subKey]);
    const sum = addCounts(byKey.get(id)?.counts ?? emptyCounts(), { ...emptyCounts(), ...counts });
    byKey.set(id, { ...group, counts: sum });
  }
  return [...byKey.values()];
}

function groupKey(grouping: IndicatorGrouping | 'scope', key: string): string | null {
  return grouping === 'scope' ? null : grouping === 'field' ? fieldCodeOf(key) : key;
}

function flows(
  store: CounterSumsStore,
  groupings: Groupings,
  scope: ViewingScope,
  period: ReportPeriod,
): Promise<FlowRow[]> {
  const byTime = isTimeGrouping(groupings.by) || isTimeGrouping(groupings.then);
  // By day or week, the days are read on their own; otherwise whole months come from the monthly rows.
  const ranges: CounterRanges = byTime
    ? { days: [[period.from, period.to]], months: null }
    : counterRanges(period.from, period.to);
  const byWeek = groupings.by === 'week' || groupings.then === 'week';
  return store.flows(groupings, { scope, ranges, from: byWeek ? period.from : undefined });
}

/**
 * Dossiers still open at the end of the period (of each day or week, grouped by time), overdue if
 * their deadline had passed: the sums of the stock changes up to that day. The read model keeps
 * each dossier's latest deadline and unit only, so a deadline moved later by an apology, or cleared
 * while the clock is paused for a supplement, is what a past period is judged by.
 */
async function openAtEnd(
  store: CounterSumsStore,
  groupings: Groupings,
  scope: ViewingScope,
  period: ReportPeriod,
): Promise<CountsRow[]> {
  const time = [groupings.by, groupings.then].find(isTimeGrouping);
  if (time === undefined)
    return stockCounts(await store.stocks(groupings, { scope, ranges: counterRanges(null, period.to) }));
  // The changes before the period add up to one opening balance (day ''), then each day's follow.
  const other = time === groupings.by ? groupings.then : groupings.by;
  const before = counterRanges(null, addDays(period.from, -1));
  const ranges: CounterRanges = { ...before, days: [...before.days, [period.from, period.to]] };
  const changes = await store.stockChangesByDay(other, { scope, ranges, from: period.from });
  const rows: StockRow[] = [];
  for (const [otherKey, byDay] of groupBy(changes, (change) => change.other)) {
    for (const stock of stocksAtEnds(byDay, period, time)) {
      rows.push(
        time === groupings.by
          ? { key: stock.key, subKey: otherKey, ...stock.levels }
          : { key: otherKey, subKey: stock.key, ...stock.levels },
      );
    }
  }
  return stockCounts(rows);
}

function stockCounts(rows: StockRow[]): CountsRow[] {
  return rows
    .filter(({ open }) => open !== 0)
    .map(({ key, subKey, open, overdue }) => ({
      key,
      subKey,
      openWithinDeadline: open - overdue,
      openOverdue: overdue,
    }));
}

/** The stocks at the end of each day (or each week) of the period: the opening balance plus the changes up to it. */
function stocksAtEnds(
  changes: Array<{ day: string; open: number; overdue: number }>,
  period: ReportPeriod,
  time: 'day' | 'week',
) {
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
