import { daysBetween, endOfLocalDay, localDateOf } from '@onestop/calendar';

/** Points taken off a task finished late, per local day past its due date, down to the floor. */
export const LATE_PENALTY_PER_DAY = 5;
export const LATE_SCORE_FLOOR = 50;

/** One commune's task as the evaluation sees it. */
export interface EvaluatedTask {
  targetValue: number;
  value: number | null;
  dueDate: string;
  /** When the value last reached the target; null while it has not. */
  doneAt: Date | null;
}

export type Outcome = 'done' | 'done-late' | 'overdue' | 'in-progress';

export function outcomeOf(task: EvaluatedTask, now: Date): Outcome {
  if (task.value !== null && task.value >= task.targetValue)
    return task.doneAt && daysLate(task, task.doneAt) > 0 ? 'done-late' : 'done';
  return now >= endOfLocalDay(task.dueDate) ? 'overdue' : 'in-progress';
}

function daysLate(task: EvaluatedTask, doneAt: Date): number {
  return Math.max(0, daysBetween(task.dueDate, localDateOf(doneAt)));
}

/**
 * A task's score, 0 to 100:
 * - done by the end of its due date: 100;
 * - done later: 100 − 5 per local day past the due date, never below 50 (finishing late beats not finishing);
 * - due date passed, target not reached: 0;
 * - not due yet: 100 × min(1, value / target), the progress so far (provisional).
 */
export function taskScore(task: EvaluatedTask, now: Date): number {
  switch (outcomeOf(task, now)) {
    case 'done':
      return 100;
    case 'done-late':
      return Math.max(LATE_SCORE_FLOOR, 100 - LATE_PENALTY_PER_DAY * daysLate(task, task.doneAt!));
    case 'overdue':
      return 0;
    case 'in-progress':
      return 100 * Math.min(1, (task.value ?? 0) / task.targetValue);
  }
}

export interface CommuneEvaluation {
  /** The mean of the task scores, to one decimal; null without tasks. */
  score: number | null;
  tasks: number;
  done: number;
  doneLate: number;
  overdue: number;
  inProgress: number;
}

/** A commune's score for a period: the plain mean of the scores of its tasks due in the period. */
export function evaluateCommune(tasks: readonly EvaluatedTask[], now: Date): CommuneEvaluation {
  const counts = { done: 0, doneLate: 0, overdue: 0, inProgress: 0 };
  const key: Record<Outcome, keyof typeof counts> = {
    done: 'done',
    'done-late': 'doneLate',
    overdue: 'overdue',
    'in-progress': 'inProgress',
  };
  let total = 0;
  for (const task of tasks) {
    counts[key[outcomeOf(task, now)]] += 1;
    total += taskScore(task, now);
  }
  const score = tasks.length === 0 ? null : Math.round((total / tasks.length) * 10) / 10;
  return { score, tasks: tasks.length, ...counts };
}
