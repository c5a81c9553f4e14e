import { z } from 'zod';
import { defineEvent } from '../event-registry';
import { TOPICS } from '../topics';

const unitCode = z.string().min(2).max(20);
const instant = z.iso.datetime({ offset: true });

/** Who answers for a dossier whose deadline is near or missed. */
const deadlinePayload = z.object({
  dossierId: z.uuid(),
  code: z.string(),
  provinceCode: z.string(),
  unitCode,
  /** The officer handling it; null while nobody is assigned (the unit's leaders are told). */
  assigneeId: z.string().nullable(),
  dueAt: instant,
});

/** The deadline is near (one working day by default); published once per dossier and deadline. */
export const DossierDueSoon = defineEvent({
  type: 'DossierDueSoon',
  version: 1,
  topic: TOPICS.task,
  payload: deadlinePayload,
});

/** The deadline passed with the dossier still open; published once per dossier and deadline. */
export const DossierOverdue = defineEvent({
  type: 'DossierOverdue',
  version: 1,
  topic: TOPICS.task,
  payload: deadlinePayload,
});

/** The steps of processing the clock gives a share of the dossier's time. */
export const PROCESSING_STEPS = ['acceptance', 'processing', 'signature'] as const;
export type ProcessingStep = (typeof PROCESSING_STEPS)[number];

/** A step of processing ran past its share of the time; published once per step it entered. */
export const StepOverdue = defineEvent({
  type: 'StepOverdue',
  version: 1,
  topic: TOPICS.task,
  payload: deadlinePayload.extend({ step: z.enum(PROCESSING_STEPS), stepDueAt: instant }),
});

/** Levels an overdue dossier is raised to, in order. */
export const ESCALATION_LEVELS = ['unit-leader', 'province'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

/** An overdue dossier went to the next level: the unit's leader, then the province. */
export const DossierEscalated = defineEvent({
  type: 'DossierEscalated',
  version: 1,
  topic: TOPICS.task,
  payload: deadlinePayload.extend({ level: z.enum(ESCALATION_LEVELS) }),
});

/** The unit apologised to the applicant for a late result and set a new appointment date. */
export const DossierApologyIssued = defineEvent({
  type: 'DossierApologyIssued',
  version: 1,
  topic: TOPICS.task,
  payload: z.object({
    dossierId: z.uuid(),
    code: z.string(),
    provinceCode: z.string(),
    unitCode,
    reason: z.string(),
    newAppointmentDate: z.iso.date(),
    /** The new deadline: the end of the new appointment day, on the working calendar of task monitoring. */
    newDueAt: instant,
    approvedBy: z.string(),
  }),
});

/** Where a province task stands for one commune. */
export const TASK_STATUSES = ['not-started', 'on-track', 'at-risk', 'overdue', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** A province leader or department gave a task or target to one or more communes. */
export const TaskAssigned = defineEvent({
  type: 'TaskAssigned',
  version: 1,
  topic: TOPICS.task,
  payload: z.object({
    taskId: z.uuid(),
    provinceCode: z.string(),
    title: z.string(),
    indicator: z.string(),
    targetValue: z.number(),
    dueDate: z.iso.date(),
    communeCodes: z.array(unitCode).min(1),
    assignedBy: z.string(),
  }),
});

const taskCommunePayload = z.object({
  taskId: z.uuid(),
  provinceCode: z.string(),
  communeCode: unitCode,
  title: z.string(),
  value: z.number(),
  targetValue: z.number(),
  dueDate: z.iso.date(),
  status: z.enum(TASK_STATUSES),
});

/** A commune reported progress on a task; the status it leads to travels with it. */
export const TaskProgressReported = defineEvent({
  type: 'TaskProgressReported',
  version: 1,
  topic: TOPICS.task,
  payload: taskCommunePayload.extend({ reportId: z.uuid(), reportedBy: z.string() }),
});

/** A commune's progress fell behind the pace its task needs; published once per task and commune. */
export const TaskAtRisk = defineEvent({
  type: 'TaskAtRisk',
  version: 1,
  topic: TOPICS.task,
  payload: taskCommunePayload,
});

/** A commune's task passed its due date unfinished; published once per task and commune. */
export const TaskOverdue = defineEvent({
  type: 'TaskOverdue',
  version: 1,
  topic: TOPICS.task,
  payload: taskCommunePayload,
});
