import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { CALENDAR_PERIOD_PATTERN } from '@onestop/calendar';

export class TaskProgressQueryDto {
  @ApiProperty({
    description: 'tasks due in this month (YYYY-MM), quarter (YYYY-Qn) or year (YYYY)',
    example: '2026-Q4',
  })
  @Matches(CALENDAR_PERIOD_PATTERN, { message: 'must be a month YYYY-MM, a quarter YYYY-Qn or a year YYYY' })
  period!: string;
}
