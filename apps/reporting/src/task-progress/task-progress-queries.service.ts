import { calendarPeriod } from '@onestop/calendar';
import { Injectable } from '@nestjs/common';
import { Principal, viewingScope } from '@onestop/platform';
import { ratio } from '../indicators/indicators';
import { TaskProgressQueryDto } from './dto/task-progress-query.dto';
import { TaskStandingsStore } from './task-standings.store';

/**
 * Where each commune stands on the province's tasks due in a period: the latest standing of every
 * task, so a task done late counts as done, and an open one as it is now.
 */
@Injectable()
export class TaskProgressQueries {
  constructor(private readonly standings: TaskStandingsStore) {}

  async progress(query: TaskProgressQueryDto, principal: Principal) {
    const scope = viewingScope(principal, undefined, 'task standings');
    // The DTO has matched the period's pattern.
    const { period, from: firstDay, to: lastDay } = calendarPeriod(query.period)!;
    const rows = await this.standings.countsByCommune(scope.provinceCode, scope.unitCode, firstDay, lastDay);
    return {
      provinceCode: scope.provinceCode,
      period,
      firstDay,
      lastDay,
      communes: rows.map((row) => ({ ...row, shareDone: ratio(row.done, row.tasks) })),
    };
  }
}
