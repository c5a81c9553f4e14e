/** Groups the law serves first (the elderly, persons with disabilities, ...); everyone else is `standard`. */
export const PRIORITY_GROUPS = [
  'standard',
  'elderly',
  'disability',
  'pregnant',
  'young-child',
  'veteran',
  'ethnic-minority',
] as const;
export type PriorityGroup = (typeof PRIORITY_GROUPS)[number];

export const TICKET_CHANNELS = ['kiosk', 'online'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

/** All priority groups share one tier, served before the standard tier; each tier is first come, first served. */
export type QueueTier = 'priority' | 'standard';

export function tierOf(group: PriorityGroup): QueueTier {
  return group === 'standard' ? 'standard' : 'priority';
}

/**
 * What the kiosk prints and the screen shows: `U-007` (ưu tiên) for the priority tier, `A-012`
 * for standard. The digits are the day's number at the unit, shared by both tiers so a number
 * is never printed twice in a day; padded to three, longer numbers print in full.
 */
export function displayNumber(number: number, group: PriorityGroup): string {
  const letter = tierOf(group) === 'priority' ? 'U' : 'A';
  return `${letter}-${String(number).padStart(3, '0')}`;
}

/** A day's queue outlives the day only long enough for late status look-ups and reports. */
export const QUEUE_TTL_SECONDS = 2 * 24 * 60 * 60;

/** How many recent calls the waiting-room screen shows. */
export const LAST_CALLED_SHOWN = 10;

/** The Redis keys of one unit's queue on one local day; a new day starts from empty keys. */
export interface QueueKeys {
  /** INCR counter: the day's last issued number. */
  sequence: string;
  /** Hash: number → the ticket as JSON. */
  tickets: string;
  /** Sorted sets of waiting numbers, scored by number, so the lowest is the longest waiting. */
  waitingPriority: string;
  waitingStandard: string;
  /** Hash: priority group → how many of it wait. */
  waitingByGroup: string;
  /** List of the last called tickets as JSON, newest first. */
  called: string;
  /** The prefix of the day's online counts (online-allowance.ts). */
  online: string;
}

export function queueKeys(unitCode: string, date: string): QueueKeys {
  const prefix = `queue:${unitCode}:${date}`;
  return {
    sequence: `${prefix}:sequence`,
    tickets: `${prefix}:tickets`,
    waitingPriority: `${prefix}:waiting:priority`,
    waitingStandard: `${prefix}:waiting:standard`,
    waitingByGroup: `${prefix}:waiting-by-group`,
    called: `${prefix}:called`,
    online: `${prefix}:online`,
  };
}

/** A ticket as stored: nothing about the person, only what the queue needs. */
export interface StoredTicket {
  number: number;
  priorityGroup: PriorityGroup;
  channel: TicketChannel;
  procedureCode?: string;
  issuedAt: string;
  counter?: string;
  calledAt?: string;
}
