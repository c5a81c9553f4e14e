import { useTranslation } from 'react-i18next';
import { ChartCard } from './charts/ChartCard';
import type { ChartSpec } from './charts/chart-options';
import { receivedResolvedDataset, statusDataset, trendDataset } from './datasets';
import { useDatasetWords, useNames } from './names';
import type { Period } from './period';
import { useIndicators } from './queries';
import type { IndicatorRow } from './report-row';
import { DASHBOARD } from './strings';

const TREND: ChartSpec = { kind: 'trend', category: 'period', bars: ['received', 'resolved'], share: 'onTime' };
const STATUS: ChartSpec = { kind: 'bars', category: 'status', values: ['dossiers'] };
const BY_FIELD: ChartSpec = { kind: 'bars', category: 'name', values: ['received', 'resolved'], horizontal: true };

/** The scope's flow over time, its dossiers by status and by field: the same for the province and a unit. */
export function ScopeCharts({
  period,
  unit,
  scope,
  provinceCode,
}: {
  period: Period;
  unit: string | null;
  scope: IndicatorRow | undefined;
  provinceCode: string | null;
}) {
  const { t } = useTranslation(DASHBOARD);
  const names = useNames(provinceCode);
  const words = useDatasetWords(names.field);
  const days = useIndicators(period, { unit, groupBy: 'day' });
  const weeks = useIndicators(period, { unit, groupBy: 'week' });
  const fields = useIndicators(period, { unit, groupBy: 'field' });
  const daily = trendDataset(days.data?.rows ?? [], words);
  const weekly = trendDataset(weeks.data?.rows ?? [], words);
  const status = statusDataset(scope, words);
  const byField = receivedResolvedDataset(fields.data?.rows ?? [], words, t('headers.field'));
  const file = (name: string) => `${name}-${unit ?? 'tinh'}-${period.from}-${period.to}`;

  return (
    <div className="chart-grid">
      <ChartCard
        title={t('charts.daily')}
        summary={t('charts.trendSummary', {
          days: daily.rows.length,
          received: scope?.receivedHere ?? 0,
          resolved: scope?.resolvedHere ?? 0,
        })}
        dataset={daily}
        spec={TREND}
        fileName={file('theo-ngay')}
      />
      <ChartCard
        title={t('charts.weekly')}
        summary={t('charts.weeklySummary', { weeks: weekly.rows.length })}
        dataset={weekly}
        spec={TREND}
        fileName={file('theo-tuan')}
      />
      <ChartCard
        title={t('charts.status')}
        summary={status.rows.map((row) => `${row.status}: ${row.dossiers}`).join(', ')}
        dataset={status}
        spec={STATUS}
        fileName={file('theo-tinh-trang')}
      />
      <ChartCard
        title={t('charts.field')}
        summary={t('charts.fieldSummary', { count: byField.rows.length, first: byField.rows[0]?.name ?? '–' })}
        dataset={byField}
        spec={BY_FIELD}
        fileName={file('theo-linh-vuc')}
        height={Math.max(200, 60 + byField.rows.length * 44)}
      />
    </div>
  );
}
