import { ApiProperty } from '@nestjs/swagger';
import { CalendarDayDto, EffectiveCalendarDayDto } from './calendar-day.dto';

/** A year's calendar: the national one, or a province's effective one with its corrections. */
export class CalendarYearViewDto {
  @ApiProperty({ example: 2027 })
  year!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the province whose effective calendar `days` is; null for the national calendar',
  })
  provinceCode!: string | null;

  @ApiProperty({ type: [EffectiveCalendarDayDto] })
  days!: EffectiveCalendarDayDto[];

  @ApiProperty({
    type: [CalendarDayDto],
    description: "the province's corrections as its administrator gave them (what PUT replaces)",
  })
  corrections!: CalendarDayDto[];
}
