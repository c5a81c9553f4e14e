import { calendarPeriod } from '@onestop/calendar';
import { Injectable } from '@nestjs/common';
import { Clock } from '@onestop/platform';
import { TaskMonitoringProblems } from '../problems';
import { evaluateCommune } from './evaluation-score';
import { EvaluatedRow, TaskCommuneStore } from './task-commune.store';
import { TaskJurisdiction, TaskViewer } from './task-jurisdiction';

/** Scores of the communes on the tasks due in a period, best first (see evaluation-score.ts for the formula). */
@Injectable()
export class TaskEvaluations {
  constructor(
    private readonly standings: TaskCommuneStore,
    private readonly jurisdiction: TaskJurisdiction,
    private readonly clock: Clock,
  ) {}

  async evaluate(viewer: TaskViewer, period: string) {
    const span = calendarPeriod(period);
    if (!span) throw TaskMonitoringProblems.invalidPeriod();
    const now = this.clock.now();
    const rows = await this.standings.evaluated(
      viewer.provinceCode,
      span.from,
      span.to,
      viewer.level === 'commune' ? viewer.communeCode : null,
    );
    const byCommune = new Map<string, EvaluatedRow[]>();
    for (const row of rows) {
      const tasks = byCommune.get(row.communeCode);
      if (tasks) tasks.push(row);
      else byCommune.set(row.communeCode, [row]);
    }
    const communes = await Promise.all(
      [...byCommune].map(async ([communeCode, tasks]) => ({
        communeCode,
        communeName: await this.jurisdiction.communeName(communeCode),
        ...evaluateCommune(tasks, now),
      })),
    );
    communes.sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || a.communeCode.localeCompare(b.communeCode));
    return { ...span, provinceCode: viewer.provinceCode, evaluatedAt: now, communes };
  }
}
