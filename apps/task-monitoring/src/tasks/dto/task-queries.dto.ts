import { CALENDAR_PERIOD_PATTERN } from '@onestop/calendar';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TASK_STATUSES, TaskStatus } from '@onestop/contracts';
import { IdCursorPageQueryDto, IsOmittable, IsUnitCode } from '@onestop/platform';
import { IsIn, Matches } from 'class-validator';

export class TasksQueryDto extends IdCursorPageQueryDto {
  @ApiPropertyOptional({
    enum: TASK_STATUSES,
    description: 'only tasks with a commune in this status, and only those communes',
  })
  @IsOmittable()
  @IsIn(TASK_STATUSES)
  status?: TaskStatus;

  @ApiPropertyOptional({ example: '19753', description: 'only tasks given to this commune, and only its progress' })
  @IsOmittable()
  @IsUnitCode()
  commune?: string;
}

export class EvaluationsQueryDto {
  @ApiProperty({
    example: '2026-Q1',
    description: 'a month (2026-03), a quarter (2026-Q1) or a year (2026): tasks due in it are evaluated',
  })
  @Matches(CALENDAR_PERIOD_PATTERN, { message: 'must be a month YYYY-MM, a quarter YYYY-Qn or a year YYYY' })
  period!: string;
}
