export * from './lib/calendar-day';
export * from './lib/default-calendar';
export * from './lib/working-calendar';
export { DEFAULT_WORKING_TIME } from './lib/working-time';
export type { WorkingTimeOptions } from './lib/working-time';
export * from './lib/province-calendar';
export * from './lib/calendar-store';
export * from './lib/calendar.module';
export * from './lib/working-calendar-events.controller';
export * from './lib/migrations/1763950000000-CreateCalendarDays';
export * from './lib/migrations/1765470000000-CreateCalendarCorrections';
export {
  addDays,
  daysBetween,
  endOfLocalDay,
  localDateOf,
  startOfLocalDay,
  VIETNAM_UTC_OFFSET_MINUTES,
} from './lib/local-date';
export * from './lib/calendar-period';
