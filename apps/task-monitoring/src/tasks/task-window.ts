import { endOfLocalDay, startOfLocalDay } from '@onestop/calendar';

/** The time a commune has for a task: from the start date (or the assignment) to the end of the due date. */
export interface TaskWindow {
  startsAt: Date;
  dueAt: Date;
}

export function taskWindow(task: { startsOn: string | null; assignedAt: Date; dueDate: string }): TaskWindow {
  return {
    startsAt: task.startsOn ? startOfLocalDay(task.startsOn) : task.assignedAt,
    dueAt: endOfLocalDay(task.dueDate),
  };
}
