import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../ui/ProblemAlert';
import { ChartCard } from './charts/ChartCard';
import type { ChartSpec } from './charts/chart-options';
import { heatmapDataset, onTimeRankingDataset, receivedResolvedDataset } from './datasets';
import { IndicatorTable } from './IndicatorTable';
import type { DashboardNavigation } from './location';
import { useDatasetWords, useNames } from './names';
import { taskPeriodOf } from './period';
import { useDeadlineCounts, useIndicators, useRankings, useTaskProgress } from './queries';
import { DeadlinesTable } from './DeadlinesTable';
import { RankingsTable } from './RankingsTable';
import { DASHBOARD } from './strings';
import { TaskProgressTable } from './TaskProgressTable';

const RANKED: ChartSpec = { kind: 'bars', category: 'name', values: ['onTime'], horizontal: true };
const FLOWS: ChartSpec = { kind: 'bars', category: 'name', values: ['received', 'resolved'] };
const HEATMAP: ChartSpec = { kind: 'heatmap', x: 'week', y: 'name', value: 'onTime' };

/** The province's communes side by side: charts, the table per commune, the 766 ranking and the tasks, each commune leading to its own view. */
export function ProvinceView({ navigation }: { navigation: DashboardNavigation }) {
  const { t } = useTranslation(DASHBOARD);
  const { place, go, href } = navigation;
  const names = useNames(place.provinceCode);
  const words = useDatasetWords(names.unit);
  const communes = useIndicators(place.period, { groupBy: 'commune' });
  const communeWeeks = useIndicators(place.period, { groupBy: 'commune', thenBy: 'week' });
  const rankings = useRankings(place.period);
  const tasks = useTaskProgress(place.period);
  const deadlines = useDeadlineCounts(null);
  const rows = communes.data?.rows ?? [];
  const ranked = onTimeRankingDataset(rows, words);
  const flows = receivedResolvedDataset(rows, words, t('headers.commune'));
  const heatmap = heatmapDataset(communeWeeks.data?.rows ?? [], words);
  const heatmapCommunes = new Set(heatmap.rows.map((row) => row['name'])).size;
  const file = (name: string) => `${name}-${place.period.from}-${place.period.to}`;
  const openRow = (dataset: typeof ranked) => (index: number) => {
    const key = dataset.rows[index]?.['key'];
    if (typeof key === 'string') go({ unit: key, procedure: null });
  };
  const unitHref = (unit: string) => href({ unit, procedure: null });

  return (
    <>
      <ProblemAlert error={communes.error ?? rankings.error ?? tasks.error ?? deadlines.error} />
      <div className="chart-grid">
        <ChartCard
          title={t('charts.onTimeByCommune')}
          summary={t('charts.rankedSummary', {
            count: ranked.rows.length,
            first: ranked.rows[0]?.name ?? '–',
            last: ranked.rows.at(-1)?.name ?? '–',
          })}
          dataset={ranked}
          spec={RANKED}
          fileName={file('dung-han-theo-xa')}
          height={Math.max(200, 60 + ranked.rows.length * 36)}
          onSelect={openRow(ranked)}
        />
        <ChartCard
          title={t('charts.flowsByCommune')}
          summary={t('charts.flowsSummary', { count: flows.rows.length })}
          dataset={flows}
          spec={FLOWS}
          fileName={file('tiep-nhan-giai-quyet-theo-xa')}
          onSelect={openRow(flows)}
        />
        <ChartCard
          title={t('charts.heatmap')}
          summary={t('charts.heatmapSummary', { communes: heatmapCommunes, cells: heatmap.rows.length })}
          dataset={heatmap}
          spec={HEATMAP}
          fileName={file('dung-han-xa-tuan')}
          height={Math.max(220, 90 + heatmapCommunes * 36)}
          onSelect={openRow(heatmap)}
        />
      </div>
      <section className="dashboard-section" aria-labelledby="dashboard-communes">
        <h2 id="dashboard-communes" className="section-title">
          {t('sections.communes')}
        </h2>
        <IndicatorTable
          caption={t('sections.communesCaption')}
          groupHeader={t('headers.commune')}
          rows={rows}
          name={names.unit}
          hrefOf={unitHref}
        />
      </section>
      <section className="dashboard-section" aria-labelledby="dashboard-deadlines">
        <h2 id="dashboard-deadlines" className="section-title">
          {t('sections.deadlines')}
        </h2>
        <DeadlinesTable units={deadlines.data?.units ?? []} name={(code) => names.unit(code)} hrefOf={unitHref} />
      </section>
      <div className="chart-grid">
        <section className="dashboard-section" aria-labelledby="dashboard-rankings">
          <h2 id="dashboard-rankings" className="section-title">
            {t('sections.rankings')}
          </h2>
          <RankingsTable units={rankings.data?.units ?? []} name={(code) => names.unit(code)} hrefOf={unitHref} />
        </section>
        <section className="dashboard-section" aria-labelledby="dashboard-tasks">
          <h2 id="dashboard-tasks" className="section-title">
            {t('sections.tasks')}
          </h2>
          <TaskProgressTable
            communes={tasks.data?.communes ?? []}
            period={taskPeriodOf(place.period)}
            name={(code) => names.unit(code)}
          />
        </section>
      </div>
    </>
  );
}
