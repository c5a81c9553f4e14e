import { CommuneStandingRow } from './task-commune.store';
import { CommuneProgress, progressShare } from './task-status';
import { TaskEntity } from './task.entity';
import { taskWindow } from './task-window';

/** What the status rule needs of a task and one commune's value. */
export function communeProgress(task: TaskEntity, value: number | null): CommuneProgress {
  return { ...taskWindow(task), targetValue: task.targetValue, value };
}

/** One commune's progress as leaders and the commune see it. */
export function communeProgressView(task: TaskEntity, row: CommuneStandingRow, communeName: string | null) {
  const share = progressShare(communeProgress(task, row.value));
  return {
    communeCode: row.communeCode,
    communeName,
    value: row.value,
    progressPercent: Math.round(share * 1000) / 10,
    status: row.status,
    doneAt: row.doneAt,
    updatedAt: row.updatedAt,
    lastReport: row.lastReport && { ...row.lastReport, reportedAt: new Date(row.lastReport.reportedAt) },
  };
}

export type CommuneProgressView = ReturnType<typeof communeProgressView>;

export function taskView(task: TaskEntity, communes: CommuneProgressView[]) {
  return {
    id: task.id,
    provinceCode: task.provinceCode,
    title: task.title,
    description: task.description,
    indicator: task.indicator,
    indicatorUnit: task.indicatorUnit,
    targetValue: task.targetValue,
    startsOn: task.startsOn,
    dueDate: task.dueDate,
    assignedAt: task.assignedAt,
    assignedBy: task.createdBy,
    assignedByUnit: task.createdByUnit,
    communes,
  };
}
