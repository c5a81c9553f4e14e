import { Injectable } from '@nestjs/common';
import { ViewingScope } from '@onestop/platform';
import { DataSource } from 'typeorm';
import { Counter, COUNTERS, STOCK_CHANGES } from '../read-model/counters';
import { CounterRanges, countersSource } from './counter-ranges';
import { IndicatorCounts } from './indicator-counts';
import { Groupings } from './indicator-groupings';
import { IndicatorGrouping } from './dto/indicators-query.dto';

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

/** Flows of one group, keyed by both groupings ('' for none). */
export type FlowRow = { key: string; subKey: string } & Partial<IndicatorCounts>;

/** The open stock of one group at the end of the period: dossiers open, and of those overdue. */
export type StockRow = { key: string; subKey: string; open: number; overdue: number };

/** The stock changes of one group (`other`: the grouping besides time) before the period (day '') and on each of its days. */
export type StockChangeRow = { other: string; day: string; open: number; overdue: number };

/** A scope, a first day and the counter rows to read: what every query of the counters is given. */
export interface CounterQuery {
  scope: ViewingScope;
  /** The period's first day, where a query needs it ($3). */
  from?: string;
  ranges: CounterRanges;
}

/** Sums of `daily_counters` and `monthly_counters` for the indicators: tuned SQL, read from the whole province at once. */
@Injectable()
export class CounterSumsStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The flows, plus the distinct unit × procedure pairs that received dossiers: the read model keeps
   * no list of the procedures a unit offers, so a procedure counts as offered where it received at
   * least one dossier in the group, and as online where at least one of those was filed online.
   */
  flows(groupings: Groupings, query: CounterQuery): Promise<FlowRow[]> {
    const parameters = scopeParameters(query);
    const source = countersSource(query.ranges, COUNTERS, parameters.length + 1);
    const subKey = groupings.then === null ? `''` : GROUP_KEYS[groupings.then];
    // Summed per unit × procedure first: a pair offers its procedure when it received any dossier.
    return this.dataSource.query(
      `SELECT key, sub_key AS "subKey", ${COUNTERS.map((counter) => `SUM(${counter})::float8 AS "${FLOW_FIELDS[counter]}"`).join(', ')},
              COUNT(*) FILTER (WHERE received > 0)::float8 AS "proceduresOffered",
              COUNT(*) FILTER (WHERE received_online > 0)::float8 AS "proceduresWithOnlineDossiers"
         FROM (SELECT ${GROUP_KEYS[groupings.by]} AS key, ${subKey} AS sub_key, unit_code, procedure_code, ${COUNTERS.map((counter) => `SUM(${counter}) AS ${counter}`).join(', ')}
                 FROM (${source.sql}) AS counters GROUP BY 1, 2, 3, 4) AS pairs
        GROUP BY key, sub_key`,
      [...parameters, ...source.parameters],
    );
  }

  /** The stocks at the end of the ranges, per group: the sums of the stock changes. */
  stocks(groupings: Groupings, query: CounterQuery): Promise<StockRow[]> {
    const source = countersSource(query.ranges, STOCK_CHANGES, 3);
    const subKey = groupings.then === null ? `''` : GROUP_KEYS[groupings.then];
    return this.dataSource.query(
      `SELECT ${GROUP_KEYS[groupings.by]} AS key, ${subKey} AS "subKey", SUM(open_change)::float8 AS open, SUM(overdue_open_change)::float8 AS overdue
         FROM (${source.sql}) AS counters GROUP BY 1, 2`,
      [...scopeParameters({ ...query, from: undefined }), ...source.parameters],
    );
  }

  /** The stock changes before `from` summed into one opening balance (day ''), then those of each day, per group of `other`. */
  stockChangesByDay(
    other: IndicatorGrouping | 'scope' | null,
    query: CounterQuery & { from: string },
  ): Promise<StockChangeRow[]> {
    const source = countersSource(query.ranges, STOCK_CHANGES, 4);
    return this.dataSource.query(
      `SELECT ${GROUP_KEYS[other ?? 'scope']} AS other, CASE WHEN day < $3::date THEN '' ELSE to_char(day, 'YYYY-MM-DD') END AS day,
              SUM(open_change)::float8 AS open, SUM(overdue_open_change)::float8 AS overdue
         FROM (${source.sql}) AS counters GROUP BY 1, 2`,
      [...scopeParameters(query), ...source.parameters],
    );
  }
}

/** The scope's parameters: $1 province, $2 unit or null, and $3 the period's first day where a query needs it. */
function scopeParameters({ scope, from }: CounterQuery): string[] {
  return from !== undefined
    ? [scope.provinceCode, scope.unitCode as string, from]
    : [scope.provinceCode, scope.unitCode as string];
}
