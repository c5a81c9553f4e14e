import { Global, Module } from '@nestjs/common';
import { CalendarStore } from './calendar-store';
import { WorkingCalendarChangedHandler } from './working-calendar-changed.handler';

/** The service's working calendar, read from its own database and kept current by events. */
@Global()
@Module({ providers: [CalendarStore, WorkingCalendarChangedHandler], exports: [CalendarStore] })
export class CalendarModule {}
