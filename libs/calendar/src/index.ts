export * from './lib/calendar-day';
export * from './lib/default-calendar';
export * from './lib/working-calendar';
export { DEFAULT_WORKING_TIME } from './lib/working-time';
export type { WorkingTimeOptions } from './lib/working-time';
export * from './lib/calendar-store';
export * from './lib/calendar.module';
export * from './lib/working-calendar-changed.handler';
export * from './lib/calendar-days.migration';
