import { TaskStatus } from '@onestop/contracts';
import { TaskWindow } from './task-window';

/** Where one commune stands on one task: what the status is computed from. */
export interface CommuneProgress extends TaskWindow {
  targetValue: number;
  /** The indicator's level in the latest report (a level, not an increment); null before the first report. */
  value: number | null;
}

/** The share of the target reached, 0 before the first report (above 1 when the target is passed). */
export function progressShare(progress: CommuneProgress): number {
  return (progress.value ?? 0) / progress.targetValue;
}

/** The share of the commune's time gone by at `now`, from 0 before the start to 1 at the due date's end. */
export function elapsedShare(window: TaskWindow, now: Date): number {
  const total = window.dueAt.getTime() - window.startsAt.getTime();
  if (total <= 0) return now >= window.dueAt ? 1 : 0;
  return Math.min(1, Math.max(0, (now.getTime() - window.startsAt.getTime()) / total));
}

/**
 * The status of a commune's task at `now`:
 * - done: the value reached the target (whenever that happened);
 * - overdue: the due date ended (Vietnam time) and the target is not reached;
 * - at-risk: the elapsed share of the time exceeds the progress share by more than `gapPercent` points;
 * - on-track: reported and not at risk; not-started: nothing reported yet and not at risk.
 */
export function taskStatus(progress: CommuneProgress, now: Date, gapPercent: number): TaskStatus {
  if (progress.value !== null && progress.value >= progress.targetValue) return 'done';
  if (now >= progress.dueAt) return 'overdue';
  if ((elapsedShare(progress, now) - progressShare(progress)) * 100 > gapPercent) return 'at-risk';
  return progress.value === null ? 'not-started' : 'on-track';
}

/** The instant the elapsed share comes to exceed the progress share by the gap, at the current value (may lie past the due date). */
function atRiskLine(progress: CommuneProgress, gapPercent: number): number {
  const start = progress.startsAt.getTime();
  return start + (progressShare(progress) + gapPercent / 100) * (progress.dueAt.getTime() - start);
}

/**
 * When the commune crossed the at-risk line at its current value: the time its TaskAtRisk carries,
 * so indicators do not depend on when the scan ran. Never before the start, nor after `now`, when it
 * was found; nor before `valueSetAt`, the report or assignment being assessed: one that puts the
 * commune behind at once crossed the line itself.
 */
export function atRiskCrossedAt(progress: CommuneProgress, gapPercent: number, now: Date, valueSetAt?: Date): Date {
  const earliest = Math.max(progress.startsAt.getTime(), valueSetAt?.getTime() ?? -Infinity);
  return new Date(Math.min(now.getTime(), Math.max(earliest, Math.round(atRiskLine(progress, gapPercent)))));
}

/** Re-evaluations land this long past the at-risk line, so the line is behind them for certain. */
const PAST_THE_LINE_MS = 1_000;

/**
 * The next instant at which time alone changes the status: when the commune falls behind the pace
 * at its current value, else the end of the due date; null once only a report can change it
 * (done, overdue). Time only ever makes a status worse, so nothing earlier needs a look.
 */
export function nextStatusChange(progress: CommuneProgress, now: Date, gapPercent: number): Date | null {
  const status = taskStatus(progress, now, gapPercent);
  if (status === 'done' || status === 'overdue') return null;
  if (status === 'at-risk') return progress.dueAt;
  const justPastTheLine = Math.ceil(atRiskLine(progress, gapPercent)) + PAST_THE_LINE_MS;
  return new Date(Math.min(progress.dueAt.getTime(), Math.max(justPastTheLine, now.getTime() + 1)));
}

/** What the notifications of a commune's task have said so far: each warning goes out once. */
export interface WarningsSent {
  atRiskNotified: boolean;
  overdueNotified: boolean;
}

export interface Reassessment {
  status: TaskStatus;
  /** When the scanner should look again; null when time can change nothing more. */
  nextCheckAt: Date | null;
  announceAtRisk: boolean;
  announceOverdue: boolean;
  /** When the line of the current status was crossed, the time its warning carries; null unless at risk or overdue. */
  lineCrossedAt: Date | null;
}

/**
 * The status now, when to look again, and which warnings are due (once per task and commune).
 * `valueSetAt` is the time of the report or assignment being assessed; a scan assesses time alone,
 * and finds the line crossed after the last report, since each report assessed its own moment.
 */
export function reassess(
  progress: CommuneProgress,
  sent: WarningsSent,
  now: Date,
  gapPercent: number,
  valueSetAt?: Date,
): Reassessment {
  const status = taskStatus(progress, now, gapPercent);
  return {
    status,
    nextCheckAt: nextStatusChange(progress, now, gapPercent),
    announceAtRisk: status === 'at-risk' && !sent.atRiskNotified,
    announceOverdue: status === 'overdue' && !sent.overdueNotified,
    lineCrossedAt: lineCrossedAt(status, progress, gapPercent, now, valueSetAt),
  };
}

function lineCrossedAt(
  status: TaskStatus,
  progress: CommuneProgress,
  gapPercent: number,
  now: Date,
  valueSetAt?: Date,
): Date | null {
  if (status === 'at-risk') return atRiskCrossedAt(progress, gapPercent, now, valueSetAt);
  // The same instant the status rule turns overdue at: the end of the due date, Vietnam time.
  return status === 'overdue' ? progress.dueAt : null;
}
