import { Button, Empty, Segmented } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dataset, datasetCsv } from '../dataset';
import { DASHBOARD } from '../strings';
import { chartOption, ChartSpec } from './chart-options';
import { DatasetTable } from './DatasetTable';
import { EChart } from './EChart';

interface ChartCardProps {
  title: string;
  /** The chart in a sentence, for screen readers (the table says the rest). */
  summary: string;
  dataset: Dataset;
  spec: ChartSpec;
  /** The CSV's file name, without .csv. */
  fileName: string;
  height?: number;
  /** A click on a bar or a row opens what it stands for (a commune). */
  onSelect?: (rowIndex: number) => void;
}

/** Any chart of the dashboard: the chart or its table at a toggle, and its rows as a CSV. */
export function ChartCard({ title, summary, dataset, spec, fileName, height = 300, onSelect }: ChartCardProps) {
  const { t } = useTranslation(DASHBOARD);
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const option = useMemo(() => chartOption(spec, dataset), [spec, dataset]);
  const empty = dataset.rows.length === 0;

  function saveCsv() {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([datasetCsv(dataset)], { type: 'text/csv;charset=utf-8' }));
    link.download = `${fileName}.csv`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }

  return (
    <section className="dashboard-card chart-card" aria-label={title}>
      <header className="chart-card-head">
        <h3 className="chart-card-title">{title}</h3>
        <div className="chart-card-tools no-print">
          <Segmented
            size="small"
            value={view}
            onChange={(value) => setView(value as 'chart' | 'table')}
            options={[
              { value: 'chart', label: t('chart.chart') },
              { value: 'table', label: t('chart.table') },
            ]}
            aria-label={t('chart.viewLabel', { title })}
          />
          <Button size="small" onClick={saveCsv} disabled={empty} aria-label={t('chart.csvLabel', { title })}>
            CSV
          </Button>
        </div>
      </header>
      {empty ? (
        <Empty description={t('chart.empty')} />
      ) : view === 'chart' ? (
        <EChart option={option} label={`${title}. ${summary}`} height={height} onSelect={onSelect} />
      ) : (
        <DatasetTable dataset={dataset} caption={title} />
      )}
    </section>
  );
}
