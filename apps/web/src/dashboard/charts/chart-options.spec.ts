import type { Dataset } from '../dataset';
import { chartOption } from './chart-options';

interface Drawn {
  xAxis: { data?: string[] } | Array<{ data?: string[] }>;
  yAxis: { data?: string[] } | Array<{ data?: string[] }>;
  series: Array<{ type: string; name: string; data: unknown[]; yAxisIndex?: number }>;
}

const trend: Dataset = {
  columns: [
    { key: 'period', label: 'Thời gian' },
    { key: 'received', label: 'Tiếp nhận', kind: 'number' },
    { key: 'resolved', label: 'Giải quyết', kind: 'number' },
    { key: 'onTime', label: 'Tỉ lệ đúng hạn (%)', kind: 'share' },
  ],
  rows: [
    { period: '24/11', received: 5, resolved: 4, onTime: 0.9166 },
    { period: '25/11', received: 3, resolved: 0, onTime: null },
  ],
};

describe("a chart's drawing of its dataset", () => {
  it('plots the very rows of the table: counts as bars, the share as a percentage on its own axis', () => {
    const drawn = chartOption(
      { kind: 'trend', category: 'period', bars: ['received', 'resolved'], share: 'onTime' },
      trend,
    ) as unknown as Drawn;
    expect((drawn.xAxis as { data: string[] }).data).toEqual(['24/11', '25/11']);
    expect(drawn.series.map((series) => [series.type, series.name, series.data, series.yAxisIndex ?? 0])).toEqual([
      ['bar', 'Tiếp nhận', [5, 3], 0],
      ['bar', 'Giải quyết', [4, 0], 0],
      ['line', 'Tỉ lệ đúng hạn (%)', [91.7, null], 1],
    ]);
  });

  it('ranks horizontal bars from the top, in percent for a share', () => {
    const ranked: Dataset = {
      columns: [
        { key: 'name', label: 'Xã, phường' },
        { key: 'onTime', label: 'Tỉ lệ', kind: 'share' },
      ],
      rows: [
        { name: 'A', onTime: 1 },
        { name: 'B', onTime: 0.5 },
      ],
    };
    const drawn = chartOption(
      { kind: 'bars', category: 'name', values: ['onTime'], horizontal: true },
      ranked,
    ) as unknown as Drawn;
    expect(drawn.yAxis).toMatchObject({ data: ['A', 'B'], inverse: true });
    expect(drawn.series[0].data).toEqual([100, 50]);
  });

  it('places each heat map cell at its commune and week', () => {
    const map: Dataset = {
      columns: [
        { key: 'name', label: 'Xã' },
        { key: 'week', label: 'Tuần' },
        { key: 'onTime', label: 'Tỉ lệ', kind: 'share' },
      ],
      rows: [
        { name: 'A', week: '23/11', onTime: 1 },
        { name: 'A', week: '30/11', onTime: 0.25 },
        { name: 'B', week: '30/11', onTime: 0.5 },
      ],
    };
    const drawn = chartOption({ kind: 'heatmap', x: 'week', y: 'name', value: 'onTime' }, map) as unknown as Drawn;
    expect((drawn.xAxis as { data: string[] }).data).toEqual(['23/11', '30/11']);
    expect((drawn.yAxis as { data: string[] }).data).toEqual(['A', 'B']);
    expect(drawn.series[0].data).toEqual([
      [0, 0, 100],
      [1, 0, 25],
      [1, 1, 50],
    ]);
  });
});
