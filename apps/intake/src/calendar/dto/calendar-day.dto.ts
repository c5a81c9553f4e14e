import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DayNameDto {
  @ApiProperty({ example: 'Tết Nguyên đán' })
  vi!: string;

  @ApiProperty({ example: 'Lunar New Year' })
  en!: string;
}

/** A holiday or a worked weekend day, as the calendar lists it. */
export class CalendarDayDto {
  @ApiProperty({ format: 'date', example: '2027-02-08' })
  date!: string;

  @ApiProperty({ enum: ['holiday', 'working-day'] })
  kind!: string;

  @ApiProperty({ type: DayNameDto })
  name!: DayNameDto;

  @ApiProperty({ enum: ['law', 'decision', 'assumed'], description: "'assumed' days are derived, not yet published" })
  basis!: string;

  @ApiPropertyOptional({ description: 'the legal text or notice' })
  source?: string;
}

export class EffectiveCalendarDayDto extends CalendarDayDto {
  @ApiProperty({ description: "whether the day is the province's correction" })
  correction!: boolean;
}
