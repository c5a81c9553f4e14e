export * from './lib/calendar-day';
export * from './lib/default-calendar';
export * from './lib/working-calendar';
export { DEFAULT_WORKING_TIME } from './lib/working-time';
export type { WorkingTimeOptions } from './lib/working-time';
export * from './lib/province-calendar';
export * from './lib/calendar-store';
export * from './lib/calendar.module';
export * from './lib/working-calendar-events.controller';
export * from './lib/calendar-days.migration';
export * from './lib/calendar-corrections.migration';
export {
  addDays,
  daysBetween,
  endOfLocalDay,
  localDateOf,
  startOfLocalDay,
  VIETNAM_UTC_OFFSET_MINUTES,
} from './lib/local-date';
export * from './lib/calendar-period';
