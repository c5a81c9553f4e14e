import { Global, Module } from '@nestjs/common';
import { CalendarStore } from './calendar-store';
import { WorkingCalendarEventsController } from './working-calendar-events.controller';

/** The service's working calendar, read from its own database and kept current by events. */
@Global()
@Module({ controllers: [WorkingCalendarEventsController], providers: [CalendarStore], exports: [CalendarStore] })
export class CalendarModule {}
