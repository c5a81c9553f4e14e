import { TaskStatus } from '@onestop/contracts';
import { CommuneProgress, progressShare } from './task-status';
import { taskWindow } from './task-window';

export interface TaskRecord {
  id: string;
  provinceCode: string;
  title: string;
  description: string;
  indicator: string;
  indicatorUnit: string;
  targetValue: number;
  startsOn: string | null;
  dueDate: string;
  createdBy: string;
  createdByUnit: string | null;
  assignedAt: Date;
}

export const TASK_COLUMNS = `t.id, t.province_code AS "provinceCode", t.title, t.description, t.indicator, t.indicator_unit AS "indicatorUnit",
  t.target_value::float8 AS "targetValue", to_char(t.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(t.due_date, 'YYYY-MM-DD') AS "dueDate",
  t.created_by AS "createdBy", t.created_by_unit AS "createdByUnit", t.created_at AS "assignedAt"`;

export interface EvidenceReference {
  name: string;
  ref: string;
  sha256?: string;
}

export interface ProgressReportRecord {
  id: string;
  value: number;
  comment: string | null;
  evidence: EvidenceReference[];
  reportedBy: string;
  /** As json_build_object writes a timestamptz. */
  reportedAt: string;
}

/** A commune's standing on a task, with its latest report. */
export interface CommuneTaskRecord {
  taskId: string;
  communeCode: string;
  value: number | null;
  status: TaskStatus;
  doneAt: Date | null;
  atRiskNotified: boolean;
  overdueNotified: boolean;
  updatedAt: Date;
  lastReport: ProgressReportRecord | null;
}

/** Read from `task_communes tc LEFT JOIN task_progress_reports r ON r.id = tc.last_report_id`. */
export const COMMUNE_TASK_COLUMNS = `tc.task_id AS "taskId", tc.commune_code AS "communeCode", tc.value::float8 AS value, tc.status, tc.done_at AS "doneAt",
  tc.at_risk_notified AS "atRiskNotified", tc.overdue_notified AS "overdueNotified", tc.updated_at AS "updatedAt",
  CASE WHEN r.id IS NULL THEN NULL ELSE json_build_object('id', r.id, 'value', r.value::float8, 'comment', r.comment, 'evidence', r.evidence,
    'reportedBy', r.reported_by, 'reportedAt', r.reported_at) END AS "lastReport"`;

export const COMMUNE_TASK_FROM = `task_communes tc LEFT JOIN task_progress_reports r ON r.id = tc.last_report_id`;

/** What the status rule needs of a task and one commune's value. */
export function communeProgress(task: TaskRecord, value: number | null): CommuneProgress {
  return { ...taskWindow(task), targetValue: task.targetValue, value };
}

/** One commune's progress as leaders and the commune see it. */
export function communeProgressView(task: TaskRecord, row: CommuneTaskRecord, communeName: string | null) {
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

export function taskView(task: TaskRecord, communes: CommuneProgressView[]) {
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
