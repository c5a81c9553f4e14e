import { ApiProperty } from '@nestjs/swagger';
import { IsArray, IsString, Length } from 'class-validator';
import { CalendarDayDto } from './calendar-day.dto';

/** A province administrator's corrections of a year, replacing the earlier ones. */
export class CalendarYearDto {
  @ApiProperty({
    description:
      "the caller's province's corrections of the year, replacing its earlier ones: weekdays off (holiday) and weekend days worked (working-day), " +
      'or, to take back a national exception in the province, a national holiday worked (working-day) or a national working weekend day off (holiday)',
    // The day's shape is documented; the calendar's own checks validate each day and name the failing one.
    type: () => CalendarDayDto,
    isArray: true,
  })
  @IsArray()
  days!: unknown[];

  @ApiProperty({ example: 'Quyết định của UBND tỉnh về lịch làm việc bù năm 2027' })
  @IsString()
  @Length(5, 500)
  reason!: string;
}
