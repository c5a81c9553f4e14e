import { Module } from '@nestjs/common';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';

/** The working calendar's API: reading a year, and a province administrator's corrections. */
@Module({ controllers: [CalendarController], providers: [CalendarService] })
export class ProvinceCalendarModule {}
