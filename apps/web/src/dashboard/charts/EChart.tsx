import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { ECharts, EChartsCoreOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the dashboard draws, so ECharts' share of the dashboard's download stays small; SVG prints sharp.
use([
  BarChart,
  LineChart,
  HeatmapChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);

interface EChartProps {
  option: EChartsCoreOption;
  /** What the chart shows, in words, for screen readers. */
  label: string;
  height: number;
  /** The index of the data row a person clicked (a bar, a cell). */
  onSelect?: (dataIndex: number) => void;
}

/** One ECharts instance in a box that follows its width (the window, a phone, the printed page). */
export function EChart({ option, label, height, onSelect }: EChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const select = useRef(onSelect);
  select.current = onSelect;

  useEffect(() => {
    const instance = init(box.current!, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => select.current?.(params.dataIndex));
    const resize = () => instance.resize();
    const observer = new ResizeObserver(resize);
    observer.observe(box.current!);
    window.addEventListener('beforeprint', resize);
    window.addEventListener('afterprint', resize);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', resize);
      window.removeEventListener('afterprint', resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={box}
      className="dashboard-chart"
      role="img"
      aria-label={label}
      style={{ height, cursor: onSelect ? 'pointer' : undefined }}
    />
  );
}
