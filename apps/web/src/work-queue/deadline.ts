/** How close a dossier is to its deadline, for marking the queue: overdue, due within a day, or neither. */
export type Urgency = 'overdue' | 'due-soon' | 'on-time' | 'none';

export const DUE_SOON_MS = 24 * 3600_000;

export function urgencyOf(dueAt: string | null, now = Date.now()): Urgency {
  if (!dueAt) return 'none';
  const left = new Date(dueAt).getTime() - now;
  if (left < 0) return 'overdue';
  return left <= DUE_SOON_MS ? 'due-soon' : 'on-time';
}
