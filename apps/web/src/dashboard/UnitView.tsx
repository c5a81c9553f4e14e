import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../ui/ProblemAlert';
import { IndicatorTable } from './IndicatorTable';
import type { DashboardNavigation } from './location';
import { useNames } from './names';
import { taskPeriodOf } from './period';
import { useDeadlineCounts, useIndicators, useRankings, useTaskProgress } from './queries';
import { DeadlinesTable } from './DeadlinesTable';
import { RankingsTable } from './RankingsTable';
import { DASHBOARD } from './strings';
import { TaskProgressTable } from './TaskProgressTable';

/** One unit: its procedures (each leading to its late and due-soon dossiers), its place in the 766 ranking and its tasks. */
export function UnitView({ navigation, unit }: { navigation: DashboardNavigation; unit: string }) {
  const { t } = useTranslation(DASHBOARD);
  const { place, href } = navigation;
  const names = useNames(place.provinceCode);
  const procedures = useIndicators(place.period, { unit, groupBy: 'procedure' });
  const rankings = useRankings(place.period);
  const tasks = useTaskProgress(place.period);
  const deadlines = useDeadlineCounts(unit);
  const ownRank = (rankings.data?.units ?? []).filter((ranked) => ranked.unitCode === unit);
  const ownTasks = (tasks.data?.communes ?? []).filter((commune) => commune.communeCode === unit);

  return (
    <>
      <ProblemAlert error={procedures.error ?? rankings.error ?? tasks.error ?? deadlines.error} />
      <section className="dashboard-section" aria-labelledby="dashboard-procedures">
        <h2 id="dashboard-procedures" className="section-title">
          {t('sections.procedures')}
        </h2>
        <IndicatorTable
          caption={t('sections.proceduresCaption', { unit: names.unit(unit) })}
          groupHeader={t('headers.procedure')}
          rows={procedures.data?.rows ?? []}
          name={names.procedure}
          hrefOf={(procedure) => href({ unit, procedure })}
        />
      </section>
      <section className="dashboard-section" aria-labelledby="dashboard-deadlines">
        <h2 id="dashboard-deadlines" className="section-title">
          {t('sections.deadlines')}
        </h2>
        <DeadlinesTable
          units={deadlines.data?.units ?? []}
          name={(code) => names.unit(code)}
          hrefOf={(code) => href({ unit: code, procedure: null })}
        />
      </section>
      <section className="dashboard-section" aria-labelledby="dashboard-rankings">
        <h2 id="dashboard-rankings" className="section-title">
          {t('sections.rankings')}
        </h2>
        <RankingsTable
          units={ownRank}
          name={(code) => names.unit(code)}
          hrefOf={(code) => href({ unit: code, procedure: null })}
        />
      </section>
      <section className="dashboard-section" aria-labelledby="dashboard-tasks">
        <h2 id="dashboard-tasks" className="section-title">
          {t('sections.tasks')}
        </h2>
        <TaskProgressTable communes={ownTasks} period={taskPeriodOf(place.period)} name={(code) => names.unit(code)} />
      </section>
    </>
  );
}
