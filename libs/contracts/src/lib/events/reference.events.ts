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

/**
 * Province IT corrected a year of the working calendar (holidays, swapped working days). Each
 * service that computes deadlines replaces its copy of that year; deadlines already computed stay.
 */
export const WorkingCalendarChanged = defineEvent({
  type: 'WorkingCalendarChanged',
  version: 1,
  topic: TOPICS.reference,
  payload: z.object({ year: z.number().int().min(2000).max(2100), days: z.array(calendarDay), reason: z.string() }),
});
