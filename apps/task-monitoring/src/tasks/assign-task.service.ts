import { Injectable } from '@nestjs/common';
import { localDateOf } from '@onestop/calendar';
import { FieldProblem, TaskAssigned } from '@onestop/contracts';
import { createEvent, OutboxWriter, requestOrigin } from '@onestop/messaging';
import { Clock, Principal } from '@onestop/platform';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { TaskMonitoringProblems } from '../problems';
import { TaskMonitoringEnv } from '../task-monitoring.env';
import { AssignTaskDto } from './dto/assign-task.dto';
import { TaskCommuneStore } from './task-commune.store';
import { warningEvents } from './task-events';
import { TaskJurisdiction } from './task-jurisdiction';
import { TaskQueries } from './task-queries.service';
import { reassess } from './task-status';
import { communeProgress } from './task-view';
import { TaskEntity } from './task.entity';
import { TaskStore } from './task.store';

const NOTHING_SENT = { atRiskNotified: false, overdueNotified: false };

/** A province leader or department gives a task to communes: stored and announced in one transaction. */
@Injectable()
export class AssignTask {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tasks: TaskStore,
    private readonly standings: TaskCommuneStore,
    private readonly outbox: OutboxWriter,
    private readonly jurisdiction: TaskJurisdiction,
    private readonly queries: TaskQueries,
    private readonly clock: Clock,
    private readonly env: TaskMonitoringEnv,
  ) {}

  async assign(command: AssignTaskDto, principal: Principal) {
    const assigner = await this.jurisdiction.assigner(principal);
    const now = this.clock.now();
    const today = localDateOf(now);
    const problems: FieldProblem[] = [];
    if (command.dueDate < today)
      problems.push({
        field: 'dueDate',
        code: 'minDate',
        message: `must not be before today (${today})`,
        params: { min: today },
      });
    if (command.startsOn !== undefined && command.startsOn > command.dueDate)
      problems.push({
        field: 'startsOn',
        code: 'maxDate',
        message: 'must not be after dueDate',
        params: { max: command.dueDate },
      });
    problems.push(...(await this.jurisdiction.communeProblems(command.communeCodes, assigner.provinceCode, today)));
    if (problems.length > 0) throw TaskMonitoringProblems.invalidAssignment(problems);

    const task: TaskEntity = {
      id: uuidv7({ msecs: now.getTime() }),
      provinceCode: assigner.provinceCode,
      title: command.title,
      description: command.description,
      indicator: command.indicator,
      indicatorUnit: command.indicatorUnit,
      targetValue: command.targetValue,
      startsOn: command.startsOn ?? null,
      dueDate: command.dueDate,
      createdBy: principal.subject,
      createdByUnit: assigner.unitCode,
      assignedAt: now,
    };
    // A start date far enough back can put a commune behind the pace from the first moment: its warning is dated the assignment.
    const assessed = command.communeCodes.map((code) => ({
      code,
      reassessment: reassess(communeProgress(task, null), NOTHING_SENT, now, this.env.TASK_AT_RISK_GAP_PERCENT, now),
    }));
    const origin = requestOrigin('task-monitoring', principal);

    await this.dataSource.transaction(async (tx) => {
      await this.tasks.insert(tx, task);
      await this.standings.insertAssigned(
        tx,
        task.id,
        now,
        assessed.map(({ code, reassessment }) => ({
          communeCode: code,
          status: reassessment.status,
          nextCheckAt: reassessment.nextCheckAt,
          atRiskAnnounced: reassessment.announceAtRisk,
        })),
      );
      const assigned = createEvent(
        TaskAssigned,
        task.id,
        {
          taskId: task.id,
          provinceCode: task.provinceCode,
          title: task.title,
          indicator: task.indicator,
          targetValue: task.targetValue,
          dueDate: task.dueDate,
          communeCodes: command.communeCodes,
          assignedBy: principal.subject,
        },
        origin,
        now,
      );
      const warnings = assessed.flatMap(({ code, reassessment }) =>
        warningEvents(task, code, null, reassessment, origin),
      );
      await this.outbox.append(tx, [assigned, ...warnings]);
    });
    return this.queries.get(task.id, { level: 'province', provinceCode: task.provinceCode });
  }
}
