import { localDateOf, WorkingCalendar, WorkingDuration } from '@onestop/calendar';

/** When a received dossier's processing time starts, when it falls due, and the appointment date the receipt states. */
export interface ReceptionSchedule {
  countingFrom: Date;
  dueAt: Date;
  appointmentDate: string;
}

/**
 * The one computation of a reception's deadline, on the province's calendar: receipts after the
 * cut-off (15:00) or outside working hours count from the next shift. Filing, the desk's check of
 * an online filing and the desk's appointment quote all call it, so a quote is what a filing gets.
 */
export function receptionSchedule(
  calendar: WorkingCalendar,
  receivedAt: Date,
  processingTime: WorkingDuration,
): ReceptionSchedule {
  const dueAt = calendar.deadline(receivedAt, processingTime);
  return { countingFrom: calendar.countingStart(receivedAt), dueAt, appointmentDate: localDateOf(dueAt) };
}
