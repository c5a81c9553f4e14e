import { z } from 'zod';
import { VIETNAM_UTC_OFFSET_MINUTES } from './local-date';

/** Office hours, all in local time 'HH:MM'. */
export interface WorkingTimeOptions {
  /** Minutes east of UTC; Vietnam keeps UTC+07:00 all year (no daylight saving). */
  utcOffsetMinutes: number;
  /** In order, not overlapping; the same on every working day. */
  shifts: Array<{ start: string; end: string }>;
  /** A dossier received later than this counts from the next working day. */
  cutoff: string;
}

/** Civil-service office hours: 8 hours a day, receipts after 15:00 count from the next working day. */
export const DEFAULT_WORKING_TIME: WorkingTimeOptions = {
  utcOffsetMinutes: VIETNAM_UTC_OFFSET_MINUTES,
  shifts: [
    { start: '07:30', end: '11:30' },
    { start: '13:30', end: '17:30' },
  ],
  cutoff: '15:00',
};

/** Working time as milliseconds after local midnight, ready for arithmetic on instants. */
export interface WorkingTime {
  offsetMs: number;
  shifts: Array<{ start: number; end: number }>;
  cutoff: number;
}

const MS_PER_MINUTE = 60_000;

const timeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time HH:MM')
  .transform((hhmm) => (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) * MS_PER_MINUTE);

const workingTimeSchema = z.strictObject({
  utcOffsetMinutes: z
    .number()
    .int()
    .min(-12 * 60)
    .max(14 * 60),
  shifts: z
    .array(
      z.strictObject({ start: timeOfDay, end: timeOfDay }).refine((s) => s.start < s.end, 'must end after it starts'),
    )
    .min(1)
    .refine(
      (shifts) => shifts.every((shift, i) => i === 0 || shifts[i - 1].end <= shift.start),
      'must be in order, not overlapping',
    ),
  cutoff: timeOfDay,
});

export function parseWorkingTime(options: WorkingTimeOptions): WorkingTime {
  const result = workingTimeSchema.safeParse(options);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.map(String).join('.') || '(root)'} ${issue.message}`,
    );
    throw new Error(`invalid working time: ${problems.join('; ')}`);
  }
  const { utcOffsetMinutes, shifts, cutoff } = result.data;
  return { offsetMs: utcOffsetMinutes * MS_PER_MINUTE, shifts, cutoff };
}
