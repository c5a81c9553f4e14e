import { calendarPeriod } from '@onestop/calendar';
import { Injectable } from '@nestjs/common';
import { Clock, invalidRequest } from '@onestop/platform';
import { DataSource } from 'typeorm';
import { EvaluatedTask, evaluateCommune } from './evaluation-score';
import { TaskJurisdiction, TaskViewer } from './task-jurisdiction';

interface EvaluatedRow extends EvaluatedTask {
  communeCode: string;
}

/** Scores of the communes on the tasks due in a period, best first (see evaluation-score.ts for the formula). */
@Injectable()
export class TaskEvaluations {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jurisdiction: TaskJurisdiction,
    private readonly clock: Clock,
  ) {}

  async evaluate(viewer: TaskViewer, period: string) {
    const span = calendarPeriod(period);
    if (!span) throw invalidRequest([{ field: 'period', code: 'invalidPeriod', message: 'must be a month YYYY-MM, a quarter YYYY-Qn or a year YYYY' }]);
    const now = this.clock.now();
    const rows: EvaluatedRow[] = await this.dataSource.query(
      `SELECT tc.commune_code AS "communeCode", t.target_value::float8 AS "targetValue", tc.value::float8 AS value,
              to_char(t.due_date, 'YYYY-MM-DD') AS "dueDate", tc.done_at AS "doneAt"
         FROM tasks t JOIN task_communes tc ON tc.task_id = t.id
        WHERE t.province_code = $1 AND t.due_date BETWEEN $2 AND $3 AND ($4::text IS NULL OR tc.commune_code = $4)`,
      [viewer.provinceCode, span.from, span.to, viewer.level === 'commune' ? viewer.communeCode : null],
    );
    const byCommune = new Map<string, EvaluatedRow[]>();
    for (const row of rows) {
      const tasks = byCommune.get(row.communeCode);
      if (tasks) tasks.push(row);
      else byCommune.set(row.communeCode, [row]);
    }
    const communes = await Promise.all(
      [...byCommune].map(async ([communeCode, tasks]) => ({ communeCode, communeName: await this.jurisdiction.communeName(communeCode), ...evaluateCommune(tasks, now) })),
    );
    communes.sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || a.communeCode.localeCompare(b.communeCode));
    return { ...span, provinceCode: viewer.provinceCode, evaluatedAt: now, communes };
  }
}
