import { Injectable } from '@nestjs/common';
import { Principal, ViewingScope, viewingScope } from '@onestop/platform';
import { DataSource } from 'typeorm';
import { addDays } from '@onestop/calendar';
import { Counter, COUNTERS, STOCK_CHANGES } from '../projections/daily-counters';
import { counterRanges, CounterRanges, countersSource } from './counter-ranges';
import { fieldCodeOf } from '../projections/procedure-fields';
import { addCounts, emptyCounts, IndicatorCounts } from './indicator-counts';
import { computeIndicators } from './indicators';
import { IndicatorGrouping, IndicatorsQueryDto, RankingsQueryDto } from './indicators.dto';
import { rankUnits } from './ranking';
import { ReportPeriod, reportPeriod } from './report-period';
import { scoreCounts } from './scoring-766';

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
 * belongs to the processing unit, as outcomes do.
 */
const GROUP_KEYS: Record<IndicatorGrouping | 'scope', string> = {
  scope: `''`,
  commune: 'unit_code',
  procedure: 'procedure_code',
  field: 'procedure_code',
  day: `to_char(day, 'YYYY-MM-DD')`,
};

type CountsRow = { key: string } & Partial<IndicatorCounts>;

export interface IndicatorRow {
  /** The commune/unit code, procedure code, field code or day; null for the whole scope (and for procedures outside the catalogue when grouped by field). */
  key: string | null;
  /** Dossiers this unit (or scope) received in the period, wherever they were processed. */
  receivedHere: number;
  /** Dossiers this unit (or scope) resolved in the period, wherever they were received. */
  resolvedHere: number;
  counts: IndicatorCounts;
  indicators: ReturnType<typeof computeIndicators>;
  score: ReturnType<typeof scoreCounts>;
}

export interface IndicatorReport {
  provinceCode: string;
  unitCode: string | null;
  from: string;
  to: string;
  groupBy: IndicatorGrouping | null;
  rows: IndicatorRow[];
}

export interface RankingReport {
  provinceCode: string;
  from: string;
  to: string;
  /** How many units were ranked: those with any dossier counted or open in the period. */
  rankedUnits: number;
  units: Array<{ rank: number; unitCode: string; points: number; maxPoints: number; assessedMaxPoints: number; receivedHere: number; resolvedHere: number }>;
}

/** Indicators and rankings of the caller's jurisdiction, from the read model. */
@Injectable()
export class IndicatorQueries {
  constructor(private readonly dataSource: DataSource) {}

  async indicators(query: IndicatorsQueryDto, principal: Principal): Promise<IndicatorReport> {
    const scope = viewingScope(principal, query.unit, 'indicators');
    const period = reportPeriod(query.from, query.to);
    const grouping = query.groupBy ?? 'scope';
    const counts = await this.countsBy(grouping, scope, period);
    // The scope row is there even when nothing happened: zero dossiers is an answer.
    if (grouping === 'scope' && counts.size === 0) counts.set(null, emptyCounts());
    const rows = [...counts.entries()].sort(([a], [b]) => compareKeys(a, b)).map(([key, rowCounts]) => indicatorRow(key, rowCounts));
    return { provinceCode: scope.provinceCode, unitCode: scope.unitCode, from: period.from, to: period.to, groupBy: query.groupBy ?? null, rows };
  }

  /** Every unit of the province is scored and ranked; a unit leader is shown his own place among them. */
  async rankings(query: RankingsQueryDto, principal: Principal): Promise<RankingReport> {
    const scope = viewingScope(principal, undefined, 'indicators');
    const period = reportPeriod(query.from, query.to);
    const byUnit = await this.countsBy('commune', { provinceCode: scope.provinceCode, unitCode: null }, period);
    const scored = new Map([...byUnit].map(([unitCode, counts]) => [unitCode as string, { counts, total: scoreCounts(counts).total }]));
    const ranked = rankUnits([...scored].map(([unitCode, { total }]) => ({ unitCode, score: total.points })));
    const units = ranked
      .filter((unit) => scope.unitCode === null || unit.unitCode === scope.unitCode)
      .map(({ rank, unitCode }) => {
        const { counts, total } = scored.get(unitCode)!;
        return { rank, unitCode, ...total, receivedHere: counts.received, resolvedHere: counts.resolved };
      });
    return { provinceCode: scope.provinceCode, from: period.from, to: period.to, rankedUnits: ranked.length, units };
  }

  /** Flows summed over the period's days, stocks at the end of the period (or of each day), per group. */
  private async countsBy(grouping: IndicatorGrouping | 'scope', scope: ViewingScope, period: ReportPeriod): Promise<Map<string | null, IndicatorCounts>> {
    const [flows, stocks] = await Promise.all([this.flows(grouping, scope, period), this.openAtEnd(grouping, scope, period)]);
    const byKey = new Map<string | null, IndicatorCounts>();
    for (const { key, ...counts } of [...flows, ...stocks]) {
      const groupKey = grouping === 'scope' ? null : grouping === 'field' ? fieldCodeOf(key) : key;
      byKey.set(groupKey, addCounts(byKey.get(groupKey) ?? emptyCounts(), { ...emptyCounts(), ...counts }));
    }
    return byKey;
  }

  /**
   * The flows, plus the distinct unit × procedure pairs that received dossiers: the read model keeps
   * no list of the procedures a unit offers, so a procedure counts as offered where it received at
   * least one dossier in the period, and as online where at least one of those was filed online.
   */
  private flows(grouping: IndicatorGrouping | 'scope', scope: ViewingScope, period: ReportPeriod): Promise<CountsRow[]> {
    // By day, every day is read on its own; otherwise whole months come from the monthly rows.
    const ranges: CounterRanges = grouping === 'day' ? { days: [[period.from, period.to]], months: null } : counterRanges(period.from, period.to);
    const source = countersSource(ranges, COUNTERS);
    // Summed per unit × procedure first: a pair offers its procedure when it received any dossier.
    return this.dataSource.query(
      `SELECT key, ${COUNTERS.map((counter) => `SUM(${counter})::float8 AS "${FLOW_FIELDS[counter]}"`).join(', ')},
              COUNT(*) FILTER (WHERE received > 0)::float8 AS "proceduresOffered",
              COUNT(*) FILTER (WHERE received_online > 0)::float8 AS "proceduresWithOnlineDossiers"
         FROM (SELECT ${GROUP_KEYS[grouping]} AS key, unit_code, procedure_code, ${COUNTERS.map((counter) => `SUM(${counter}) AS ${counter}`).join(', ')}
                 FROM (${source.sql}) AS counters GROUP BY 1, 2, 3) AS pairs
        GROUP BY key`,
      [scope.provinceCode, scope.unitCode, ...source.parameters],
    );
  }

  /**
   * Dossiers still open at the end of the period (of each day, grouped by day), overdue if their
   * deadline had passed: the sums of the stock changes up to that day. The read model keeps each
   * dossier's latest deadline and unit only, so a deadline moved later by an apology, or cleared
   * while the clock is paused for a supplement, is what a past period is judged by.
   */
  private async openAtEnd(grouping: IndicatorGrouping | 'scope', scope: ViewingScope, period: ReportPeriod): Promise<CountsRow[]> {
    const byDay = grouping === 'day';
    // Grouped by day, the changes before the period add up to one opening balance (key '').
    const ranges = byDay ? withDays(counterRanges(null, addDays(period.from, -1)), [period.from, period.to]) : counterRanges(null, period.to);
    const source = countersSource(ranges, STOCK_CHANGES, byDay ? 4 : 3);
    const key = byDay ? `CASE WHEN day < $3::date THEN '' ELSE to_char(day, 'YYYY-MM-DD') END` : GROUP_KEYS[grouping];
    const rows: Array<{ key: string; open: number; overdue: number }> = await this.dataSource.query(
      `SELECT ${key} AS key, SUM(open_change)::float8 AS open, SUM(overdue_open_change)::float8 AS overdue FROM (${source.sql}) AS counters GROUP BY 1`,
      [scope.provinceCode, scope.unitCode, ...(byDay ? [period.from] : []), ...source.parameters],
    );
    const stocks = byDay ? runningStocks(rows, period) : rows;
    return stocks.filter(({ open }) => open !== 0).map(({ key, open, overdue }) => ({ key, openWithinDeadline: open - overdue, openOverdue: overdue }));
  }
}

function withDays(ranges: CounterRanges, days: [string, string]): CounterRanges {
  return { ...ranges, days: [...ranges.days, days] };
}

/** Each day's stocks at its end: the opening balance plus the changes of the days up to it. */
function runningStocks(changes: Array<{ key: string; open: number; overdue: number }>, period: ReportPeriod): Array<{ key: string; open: number; overdue: number }> {
  const byDay = new Map(changes.map((change) => [change.key, change]));
  let open = byDay.get('')?.open ?? 0;
  let overdue = byDay.get('')?.overdue ?? 0;
  return period.days.map(({ day }) => {
    open += byDay.get(day)?.open ?? 0;
    overdue += byDay.get(day)?.overdue ?? 0;
    return { key: day, open, overdue };
  });
}

function indicatorRow(key: string | null, counts: IndicatorCounts): IndicatorRow {
  return { key, receivedHere: counts.received, resolvedHere: counts.resolved, counts, indicators: computeIndicators(counts), score: scoreCounts(counts) };
}

/** By code point, so the order does not depend on the server's language; null (no key) last. */
function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
