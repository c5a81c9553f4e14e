import { ApiPropertyOptional } from '@nestjs/swagger';
import { ESCALATION_LEVELS, EscalationLevel } from '@onestop/contracts';
import { EmptyAsAbsent, IsOmittable, IsUnitCode, PageLimitQueryDto } from '@onestop/platform';
import { IsIn, IsString, Matches } from 'class-validator';

export const DEADLINE_STATES = ['due-soon', 'overdue'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

/** A page of a list ordered by (instant, id): the cursor is opaque (see @onestop/platform's keyset-cursor). */
class KeysetPageQueryDto extends PageLimitQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOmittable()
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{10,200}$/, { message: 'must be the nextCursor of a previous page' })
  cursor?: string;
}

export class DeadlinesQueryDto extends KeysetPageQueryDto {
  @ApiPropertyOptional({
    description: 'a unit of your province (province roles); officers see their own unit',
    example: '19753',
  })
  @EmptyAsAbsent()
  @IsOmittable()
  @IsUnitCode()
  unit?: string;

  @ApiPropertyOptional({ enum: DEADLINE_STATES, description: 'both when absent' })
  @IsOmittable()
  @IsIn(DEADLINE_STATES)
  state?: DeadlineState;
}

export class EscalationsQueryDto extends KeysetPageQueryDto {
  @ApiPropertyOptional({
    description: 'a unit of your province (province roles); unit leaders see their own unit',
    example: '19753',
  })
  @EmptyAsAbsent()
  @IsOmittable()
  @IsUnitCode()
  unit?: string;

  @ApiPropertyOptional({ enum: ESCALATION_LEVELS })
  @IsOmittable()
  @IsIn(ESCALATION_LEVELS)
  level?: EscalationLevel;
}
