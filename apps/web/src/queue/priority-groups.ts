import type { PriorityGroup } from './queries';

/** The groups the law serves first, in the order the desk reads them, then everyone else. */
export const GROUPS_IN_ORDER: readonly PriorityGroup[] = [
  'elderly',
  'disability',
  'pregnant',
  'young-child',
  'veteran',
  'ethnic-minority',
  'standard',
];

/** The priority tier's waiting count: every group but the standard one. */
export function priorityWaiting(byGroup: Record<string, number>): number {
  return GROUPS_IN_ORDER.filter((group) => group !== 'standard').reduce((sum, group) => sum + (byGroup[group] ?? 0), 0);
}
