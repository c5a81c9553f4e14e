import {
  DatasetWords,
  heatmapDataset,
  onTimeRankingDataset,
  receivedResolvedDataset,
  statusDataset,
  trendDataset,
} from './datasets';
import type { IndicatorRow } from './report-row';

const words: DatasetWords = { header: (key) => key, status: (name) => `status:${name}`, name: (key) => `name:${key}` };

function row(
  key: string | null,
  received: number,
  resolved: number,
  onTime: [number, number],
  subKey: string | null = null,
): IndicatorRow {
  return {
    key,
    subKey,
    receivedHere: received,
    resolvedHere: resolved,
    counts: {
      received,
      resolved,
      refused: 1,
      stopped: 0,
      withdrawn: 2,
      openWithinDeadline: 3,
      openOverdue: 4,
    } as never,
    indicators: {
      onTimeOrWithinDeadlineShare: {
        numerator: onTime[0],
        denominator: onTime[1],
        value: onTime[1] ? onTime[0] / onTime[1] : null,
      },
    } as never,
    score: {} as never,
  };
}

describe("the dashboard's datasets", () => {
  it('orders a trend by time and labels days as dd/MM', () => {
    const dataset = trendDataset([row('2026-11-25', 3, 1, [1, 2]), row('2026-11-24', 5, 4, [4, 4])], words);
    expect(dataset.rows).toEqual([
      { period: '24/11', received: 5, resolved: 4, onTime: 1 },
      { period: '25/11', received: 3, resolved: 1, onTime: 0.5 },
    ]);
  });

  it('lists every status of the scope from its counts', () => {
    expect(statusDataset(row(null, 9, 6, [0, 0]), words).rows).toEqual([
      { status: 'status:received', dossiers: 9 },
      { status: 'status:resolved', dossiers: 6 },
      { status: 'status:refused', dossiers: 1 },
      { status: 'status:stopped', dossiers: 0 },
      { status: 'status:withdrawn', dossiers: 2 },
      { status: 'status:openWithinDeadline', dossiers: 3 },
      { status: 'status:openOverdue', dossiers: 4 },
    ]);
    expect(statusDataset(undefined, words).rows).toEqual([]);
  });

  it('ranks communes by on-time share, leaving out those with nothing to measure', () => {
    const dataset = onTimeRankingDataset(
      [row('A', 1, 1, [1, 2]), row('B', 0, 0, [0, 0]), row('C', 4, 4, [3, 3])],
      words,
    );
    expect(dataset.rows.map((each) => [each['key'], each['onTime'], each['counted']])).toEqual([
      ['C', 1, 3],
      ['A', 0.5, 2],
    ]);
  });

  it('puts the busiest group first beside its resolved dossiers', () => {
    const dataset = receivedResolvedDataset([row('A', 1, 5, [0, 0]), row('B', 7, 2, [0, 0])], words, 'field');
    expect(dataset.columns[0].label).toBe('field');
    expect(dataset.rows.map((each) => [each['name'], each['received'], each['resolved']])).toEqual([
      ['name:B', 7, 2],
      ['name:A', 1, 5],
    ]);
  });

  it('maps on-time share per commune and week, in the order of names and weeks', () => {
    const dataset = heatmapDataset(
      [
        row('B', 1, 1, [1, 1], '2026-11-23'),
        row('A', 1, 1, [1, 4], '2026-11-30'),
        row('A', 1, 1, [2, 2], '2026-11-23'),
        row('A', 0, 0, [0, 0], '2026-11-16'),
      ],
      words,
    );
    expect(dataset.rows.map((each) => [each['name'], each['week'], each['onTime']])).toEqual([
      ['name:A', '23/11', 1],
      ['name:A', '30/11', 0.25],
      ['name:B', '23/11', 1],
    ]);
  });
});
