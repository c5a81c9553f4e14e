import { calendarPeriod } from '@onestop/calendar';
import { Injectable } from '@nestjs/common';
import { Principal, viewingScope } from '@onestop/platform';
import { DataSource } from 'typeorm';
import { ratio } from '../indicators/indicators';
import { TaskProgressQueryDto } from './task-progress.dto';

interface CommuneCounts {
  communeCode: string;
  tasks: number;
  done: number;
  atRisk: number;
  overdue: number;
}

/**
 * Where each commune stands on the province's tasks due in a period: the latest standing of every
 * task, so a task done late counts as done, and an open one as it is now.
 */
@Injectable()
export class TaskProgressQueries {
  constructor(private readonly dataSource: DataSource) {}

  async progress(query: TaskProgressQueryDto, principal: Principal) {
    const scope = viewingScope(principal, undefined, 'task standings');
    // The DTO has matched the period's pattern.
    const { period, from: firstDay, to: lastDay } = calendarPeriod(query.period)!;
    const rows: CommuneCounts[] = await this.dataSource.query(
      `SELECT commune_code AS "communeCode", COUNT(*)::int AS tasks,
              COUNT(*) FILTER (WHERE status = 'done')::int AS done,
              COUNT(*) FILTER (WHERE status = 'at-risk')::int AS "atRisk",
              COUNT(*) FILTER (WHERE status = 'overdue')::int AS overdue
         FROM task_commune_facts
        WHERE province_code = $1 AND ($2::text IS NULL OR commune_code = $2) AND due_date BETWEEN $3::date AND $4::date
        GROUP BY commune_code ORDER BY commune_code COLLATE "C"`,
      [scope.provinceCode, scope.unitCode, firstDay, lastDay],
    );
    return { provinceCode: scope.provinceCode, period, firstDay, lastDay, communes: rows.map((row) => ({ ...row, shareDone: ratio(row.done, row.tasks) })) };
  }
}
