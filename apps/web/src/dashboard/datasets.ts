import type { Dataset } from './dataset';
import { count, IndicatorRow, ratioOf, STATUS_COUNTS } from './report-row';

/** The column headers and names the datasets need, in the screen's language. */
export interface DatasetWords {
  header: (key: string) => string;
  status: (count: string) => string;
  /** A row key's name: a commune's, a field's, a procedure's… */
  name: (key: string | null) => string;
}

const ON_TIME = 'onTimeOrWithinDeadlineShare';

/** 24/11 for a day, 2026-W48 as given for anything else; a row's key is its day or week. */
export function periodLabel(key: string | null): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key ?? '');
  return day ? `${day[3]}/${day[2]}` : (key ?? '');
}

/** Received and resolved per day or week, with the on-time share, in the order of time. */
export function trendDataset(rows: readonly IndicatorRow[], words: DatasetWords): Dataset {
  return {
    columns: [
      { key: 'period', label: words.header('period') },
      { key: 'received', label: words.header('received'), kind: 'number' },
      { key: 'resolved', label: words.header('resolved'), kind: 'number' },
      { key: 'onTime', label: words.header('onTime'), kind: 'share' },
    ],
    rows: [...rows]
      .sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''))
      .map((row) => ({
        period: periodLabel(row.key),
        received: row.receivedHere,
        resolved: row.resolvedHere,
        onTime: ratioOf(row, ON_TIME).value,
      })),
  };
}

/** The scope's dossiers by what became of them in the period, and the open ones at its end. */
export function statusDataset(row: IndicatorRow | undefined, words: DatasetWords): Dataset {
  return {
    columns: [
      { key: 'status', label: words.header('status') },
      { key: 'dossiers', label: words.header('dossiers'), kind: 'number' },
    ],
    rows: row ? STATUS_COUNTS.map((name) => ({ status: words.status(name), dossiers: count(row, name) })) : [],
  };
}

/** Received beside resolved per group (a field, a commune), the busiest first; `key` keeps the group's code for a click. */
export function receivedResolvedDataset(
  rows: readonly IndicatorRow[],
  words: DatasetWords,
  groupHeader: string,
): Dataset {
  return {
    columns: [
      { key: 'name', label: groupHeader },
      { key: 'received', label: words.header('receivedHere'), kind: 'number' },
      { key: 'resolved', label: words.header('resolvedHere'), kind: 'number' },
    ],
    rows: [...rows]
      .sort((a, b) => b.receivedHere - a.receivedHere || b.resolvedHere - a.resolvedHere)
      .map((row) => ({
        key: row.key,
        name: words.name(row.key),
        received: row.receivedHere,
        resolved: row.resolvedHere,
      })),
  };
}

/** Communes ranked by on-time share, best first; those with nothing to measure are left out. */
export function onTimeRankingDataset(rows: readonly IndicatorRow[], words: DatasetWords): Dataset {
  const measured = rows.filter((row) => ratioOf(row, ON_TIME).value !== null);
  return {
    columns: [
      { key: 'name', label: words.header('commune') },
      { key: 'onTime', label: words.header('onTime'), kind: 'share' },
      { key: 'counted', label: words.header('onTimeCounted'), kind: 'number' },
    ],
    rows: measured
      .map((row) => ({
        key: row.key,
        name: words.name(row.key),
        onTime: ratioOf(row, ON_TIME).value,
        counted: ratioOf(row, ON_TIME).denominator,
      }))
      .sort((a, b) => (b.onTime ?? 0) - (a.onTime ?? 0) || a.name.localeCompare(b.name, 'vi')),
  };
}

/** On-time share per commune and week (rows grouped by commune, then by week in `subKey`). */
export function heatmapDataset(rows: readonly IndicatorRow[], words: DatasetWords): Dataset {
  return {
    columns: [
      { key: 'name', label: words.header('commune') },
      { key: 'week', label: words.header('week') },
      { key: 'onTime', label: words.header('onTime'), kind: 'share' },
    ],
    rows: rows
      .filter((row) => ratioOf(row, ON_TIME).value !== null)
      .map((row) => ({
        key: row.key,
        name: words.name(row.key),
        week: periodLabel(row.subKey),
        sortWeek: row.subKey ?? '',
        onTime: ratioOf(row, ON_TIME).value,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi') || a.sortWeek.localeCompare(b.sortWeek)),
  };
}
