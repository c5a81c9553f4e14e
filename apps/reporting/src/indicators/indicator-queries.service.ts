import { Injectable } from '@nestjs/common';
import { addDays } from '@onestop/calendar';
import { Principal, ViewingScope, viewingScope } from '@onestop/platform';
import { ReadModelFreshnessStore } from '../read-model/read-model-freshness.store';
import { CounterSumsStore } from './counter-sums.store';
import { GroupCounts, groupedCounts } from './grouped-counts';
import { emptyCounts, IndicatorCounts } from './indicator-counts';
import { groupingsOf } from './indicator-groupings';
import { computeIndicators } from './indicators';
import { IndicatorGrouping, IndicatorsQueryDto, RankingsQueryDto } from './dto/indicators-query.dto';
import { rankUnits } from './ranking';
import { ReportPeriod, reportPeriod } from './report-period';
import { scoreCounts } from './scoring-766';

export interface IndicatorRow {
  /** The commune/unit code, procedure code, field code, day or week; null for the whole scope (and for procedures outside the catalogue when grouped by field). */
  key: string | null;
  /** The group inside `key` when a second grouping was asked for; null otherwise. */
  subKey: string | null;
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
  thenBy: IndicatorGrouping | null;
  dataAsOf: Date | null;
  rows: IndicatorRow[];
}

export interface RankingReport {
  provinceCode: string;
  from: string;
  to: string;
  previousFrom: string;
  previousTo: string;
  dataAsOf: Date | null;
  /** How many units were ranked: those with any dossier counted or open in the period. */
  rankedUnits: number;
  units: Array<{
    rank: number;
    unitCode: string;
    points: number;
    maxPoints: number;
    assessedMaxPoints: number;
    receivedHere: number;
    resolvedHere: number;
    previousRank: number | null;
    previousPoints: number | null;
  }>;
}

/** Indicators and rankings of the caller's jurisdiction, from the read model. */
@Injectable()
export class IndicatorQueries {
  constructor(
    private readonly counters: CounterSumsStore,
    private readonly freshness: ReadModelFreshnessStore,
  ) {}

  async indicators(query: IndicatorsQueryDto, principal: Principal): Promise<IndicatorReport> {
    const scope = viewingScope(principal, query.unit, 'indicators');
    const period = reportPeriod(query.from, query.to);
    const groupings = groupingsOf(query.groupBy, query.thenBy);
    const [groups, asOf] = await Promise.all([
      groupedCounts(this.counters, groupings, scope, period),
      this.freshness.dataAsOf(),
    ]);
    // The scope row is there even when nothing happened: zero dossiers is an answer.
    if (groupings.by === 'scope' && groups.length === 0)
      groups.push({ key: null, subKey: null, counts: emptyCounts() });
    const rows = groups.sort(compareGroups).map(indicatorRow);
    return {
      provinceCode: scope.provinceCode,
      unitCode: scope.unitCode,
      from: period.from,
      to: period.to,
      groupBy: query.groupBy ?? null,
      thenBy: query.thenBy ?? null,
      dataAsOf: asOf,
      rows,
    };
  }

  /**
   * Every unit of the province is scored and ranked, in the period and in the one of the same
   * length just before it; a unit leader is shown his own place among them.
   */
  async rankings(query: RankingsQueryDto, principal: Principal): Promise<RankingReport> {
    const scope = viewingScope(principal, undefined, 'indicators');
    const period = reportPeriod(query.from, query.to);
    const previous = reportPeriod(addDays(period.from, -period.days.length), addDays(period.from, -1));
    const [current, before, asOf] = await Promise.all([
      this.ranked(scope, period),
      this.ranked(scope, previous),
      this.freshness.dataAsOf(),
    ]);
    const previousByUnit = new Map(before.map((unit) => [unit.unitCode, unit]));
    const units = current
      .filter((unit) => scope.unitCode === null || unit.unitCode === scope.unitCode)
      .map(({ rank, unitCode, counts, total }) => {
        const then = previousByUnit.get(unitCode);
        return {
          rank,
          unitCode,
          ...total,
          receivedHere: counts.received,
          resolvedHere: counts.resolved,
          previousRank: then?.rank ?? null,
          previousPoints: then?.total.points ?? null,
        };
      });
    return {
      provinceCode: scope.provinceCode,
      from: period.from,
      to: period.to,
      previousFrom: previous.from,
      previousTo: previous.to,
      dataAsOf: asOf,
      rankedUnits: current.length,
      units,
    };
  }

  /** The province's units scored and ranked for a period. */
  private async ranked(scope: ViewingScope, period: ReportPeriod) {
    const byUnit = await groupedCounts(
      this.counters,
      { by: 'commune', then: null },
      { provinceCode: scope.provinceCode, unitCode: null },
      period,
    );
    const scored = new Map(
      byUnit.map(({ key, counts }) => [key as string, { counts, total: scoreCounts(counts).total }]),
    );
    return rankUnits([...scored].map(([unitCode, { total }]) => ({ unitCode, score: total.points }))).map(
      ({ rank, unitCode }) => ({ rank, unitCode, ...scored.get(unitCode)! }),
    );
  }
}

function indicatorRow({ key, subKey, counts }: GroupCounts): IndicatorRow {
  return {
    key,
    subKey,
    receivedHere: counts.received,
    resolvedHere: counts.resolved,
    counts,
    indicators: computeIndicators(counts),
    score: scoreCounts(counts),
  };
}

function compareGroups(a: GroupCounts, b: GroupCounts): number {
  return compareKeys(a.key, b.key) || compareKeys(a.subKey, b.subKey);
}

/** By code point, so the order does not depend on the server's language; null (no key) last. */
function compareKeys(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
