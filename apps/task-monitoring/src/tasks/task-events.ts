import { EventEnvelope, TaskAtRisk, TaskOverdue, TaskStatus } from '@onestop/contracts';
import { createEvent, EventOrigin } from '@onestop/messaging';
import { Reassessment } from './task-status';
import { TaskEntity } from './task.entity';

/** Where a commune stands on a task, as task events carry it. */
export function communeTaskPayload(task: TaskEntity, communeCode: string, value: number | null, status: TaskStatus) {
  return {
    taskId: task.id,
    provinceCode: task.provinceCode,
    communeCode,
    title: task.title,
    value: value ?? 0,
    targetValue: task.targetValue,
    dueDate: task.dueDate,
    status,
  };
}

/** TaskAtRisk and TaskOverdue that a reassessment found due (each once per task and commune), dated when their line was crossed. */
export function warningEvents(
  task: TaskEntity,
  communeCode: string,
  value: number | null,
  reassessment: Reassessment,
  origin: EventOrigin,
): EventEnvelope[] {
  const { lineCrossedAt } = reassessment;
  if (lineCrossedAt === null) return [];
  const payload = communeTaskPayload(task, communeCode, value, reassessment.status);
  return [
    ...(reassessment.announceAtRisk ? [createEvent(TaskAtRisk, task.id, payload, origin, lineCrossedAt)] : []),
    ...(reassessment.announceOverdue ? [createEvent(TaskOverdue, task.id, payload, origin, lineCrossedAt)] : []),
  ];
}
