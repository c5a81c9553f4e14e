import { VIETNAM_UTC_OFFSET_MINUTES } from '@onestop/calendar';

const MS_PER_DAY = 86_400_000;

/** The first instant of a local date (YYYY-MM-DD) in Vietnam. */
export function startOfLocalDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - VIETNAM_UTC_OFFSET_MINUTES * 60_000);
}

/** The instant a local date (YYYY-MM-DD) ends in Vietnam: a task due that day is late from then on. */
export function endOfLocalDay(date: string): Date {
  return new Date(startOfLocalDay(date).getTime() + MS_PER_DAY);
}

/** Whole local days from one date to another (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY);
}

/** The time a commune has for a task: from the start date (or the assignment) to the end of the due date. */
export interface TaskWindow {
  startsAt: Date;
  dueAt: Date;
}

export function taskWindow(task: { startsOn: string | null; assignedAt: Date; dueDate: string }): TaskWindow {
  return { startsAt: task.startsOn ? startOfLocalDay(task.startsOn) : task.assignedAt, dueAt: endOfLocalDay(task.dueDate) };
}

