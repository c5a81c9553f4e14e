import { Global, Module } from '@nestjs/common';
import { CalendarStore } from './calendar-store';

/** The service's working calendar, read from its own database. */
@Global()
@Module({ providers: [CalendarStore], exports: [CalendarStore] })
export class CalendarModule {}
