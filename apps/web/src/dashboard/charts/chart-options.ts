import type { EChartsCoreOption } from 'echarts/core';
import type { Cell, Dataset } from '../dataset';

/**
 * How a dataset is drawn. Columns are named by key; a share column (0–1) is plotted as a
 * percentage on an axis of its own, so the chart shows the same number as the table.
 */
export type ChartSpec =
  | { kind: 'bars'; category: string; values: string[]; horizontal?: boolean }
  | { kind: 'trend'; category: string; bars: string[]; share?: string }
  | { kind: 'heatmap'; x: string; y: string; value: string };

/** Distinct for the colour-blind (Okabe–Ito order, darkened for contrast on white). */
export const PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#8c6d00', '#56b4e9', '#595959'];

/** The page's typeface by name: ECharts measures its legends and labels with it, which 'inherit' would defeat. */
const FONT = "'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif";

/** Names on a category axis beside the plot (communes, fields) are cut with an ellipsis rather than pushed out of the box. */
const SIDE_LABELS = { width: 150, overflow: 'truncate' } as const;
const SIDE_GRID = { left: 160, containLabel: false } as const;

const percent = (value: Cell) => (typeof value === 'number' ? Math.round(value * 1000) / 10 : null);

export function chartOption(spec: ChartSpec, dataset: Dataset): EChartsCoreOption {
  const label = (key: string) => dataset.columns.find((column) => column.key === key)?.label ?? key;
  const column = (key: string) => dataset.rows.map((row) => row[key] ?? null);
  const base = {
    animation: false,
    color: PALETTE,
    tooltip: { trigger: spec.kind === 'heatmap' ? 'item' : 'axis' },
    textStyle: { fontFamily: FONT },
  };

  if (spec.kind === 'heatmap') {
    const xs = [...new Set(column(spec.x).map(String))];
    const ys = [...new Set(column(spec.y).map(String))];
    const cells = dataset.rows.map((row) => [
      xs.indexOf(String(row[spec.x])),
      ys.indexOf(String(row[spec.y])),
      percent(row[spec.value] ?? null) ?? '-',
    ]);
    return {
      ...base,
      grid: { right: 8, top: 8, bottom: 72, ...SIDE_GRID },
      xAxis: { type: 'category', data: xs, splitArea: { show: true } },
      yAxis: { type: 'category', data: ys, splitArea: { show: true }, axisLabel: SIDE_LABELS },
      visualMap: {
        min: 0,
        max: 100,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        inRange: { color: ['#f7fbff', '#6baed6', '#08306b'] },
        text: ['100 %', '0 %'],
      },
      series: [
        {
          type: 'heatmap',
          name: label(spec.value),
          data: cells,
          label: { show: true, formatter: (item: { value: unknown[] }) => String(item.value[2]) },
        },
      ],
    };
  }

  const categories = column(spec.category).map(String);
  const valueKeys = spec.kind === 'bars' ? spec.values : spec.bars;
  const bars = valueKeys.map((key) => ({
    type: 'bar',
    name: label(key),
    data: column(key),
    label: { show: dataset.rows.length <= 12, position: spec.kind === 'bars' && spec.horizontal ? 'right' : 'top' },
  }));
  const legend = { top: 0, type: 'scroll' };

  if (spec.kind === 'bars' && spec.horizontal) {
    const isShare = dataset.columns.find((candidate) => candidate.key === spec.values[0])?.kind === 'share';
    const data = (key: string) => (isShare ? column(key).map(percent) : column(key));
    return {
      ...base,
      legend,
      grid: { right: 40, top: 32, bottom: 24, ...SIDE_GRID },
      // Ranked from the top: ECharts draws a category axis from the bottom up.
      yAxis: { type: 'category', data: categories, inverse: true, axisLabel: SIDE_LABELS },
      xAxis: { type: 'value', ...(isShare ? { max: 100, axisLabel: { formatter: '{value} %' } } : { minInterval: 1 }) },
      series: spec.values.map((key, index) => ({ ...bars[index], data: data(key) })),
    };
  }

  const share = spec.kind === 'trend' && spec.share ? spec.share : null;
  return {
    ...base,
    legend,
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    // Time thins out its labels; named categories (statuses, communes) all show, slanted when many.
    xAxis: {
      type: 'category',
      data: categories,
      axisLabel:
        spec.kind === 'trend'
          ? { hideOverlap: true }
          : { interval: 0, rotate: categories.length > 4 ? 30 : 0, width: 110, overflow: 'truncate' },
    },
    yAxis: [
      { type: 'value', minInterval: 1 },
      ...(share
        ? [{ type: 'value', max: 100, axisLabel: { formatter: '{value} %' }, splitLine: { show: false } }]
        : []),
    ],
    series: [
      ...bars,
      ...(share
        ? [
            {
              type: 'line',
              name: label(share),
              yAxisIndex: 1,
              data: column(share).map(percent),
              connectNulls: false,
              symbolSize: 6,
            },
          ]
        : []),
    ],
  };
}
