import { z } from 'zod';
import { defineEvent } from '../event-registry';
import { TOPICS } from '../topics';

const calendarDay = z.object({
  date: z.iso.date(),
  kind: z.enum(['holiday', 'working-day']),
  name: z.object({ vi: z.string(), en: z.string() }),
  basis: z.enum(['law', 'decision', 'assumed']),
  source: z.string().optional(),
});

const year = z.number().int().min(2000).max(2100);

/**
 * Version 1, no longer published: a year of the one calendar every province shared (the national
 * holidays and swapped working days) was replaced. Kept so the events already in the log stay
 * readable; a consumer applies it to the national calendar, as it did when it was published.
 */
export const WorkingCalendarChangedV1 = defineEvent({
  type: 'WorkingCalendarChanged',
  version: 1,
  topic: TOPICS.reference,
  payload: z.object({ year, days: z.array(calendarDay), reason: z.string() }),
});

/**
 * A province's administrator replaced the province's corrections of a year of the working
 * calendar (`days`: the dates on which the province departs from the national calendar). Each
 * service that computes deadlines replaces its copy of that province's year; no other province's
 * calendar changes, and deadlines already computed stay.
 */
export const WorkingCalendarChanged = defineEvent({
  type: 'WorkingCalendarChanged',
  version: 2,
  topic: TOPICS.reference,
  payload: z.object({
    provinceCode: z.string().regex(/^\d{2}$/, 'must be a two-digit province code'),
    year,
    days: z.array(calendarDay),
    reason: z.string(),
  }),
});
