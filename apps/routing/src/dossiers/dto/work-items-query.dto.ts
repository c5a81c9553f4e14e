import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateOrInstant, IsOmittable, PageLimitQueryDto } from '@onestop/platform';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';

export const WORK_ITEM_VIEWS = ['received'] as const;

export class WorkItemsQueryDto extends PageLimitQueryDto {
  @ApiPropertyOptional({ description: 'national status code', example: 4, minimum: 1, maximum: 10 })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10)
  status?: number;

  @ApiPropertyOptional({ description: 'only dossiers due before this instant', example: '2026-12-01T00:00:00+07:00' })
  @IsOmittable()
  @IsDateOrInstant()
  dueBefore?: string;

  @ApiPropertyOptional({ enum: ['me'], description: 'me: only the dossiers assigned to the caller' })
  @IsOmittable()
  @IsIn(['me'])
  assignee?: 'me';

  @ApiPropertyOptional({
    description:
      'a dossier code as typed at the desk, in any case: a whole code finds that dossier, 6 or more first characters every code they start',
    example: '19813-2612',
    minLength: 6,
    maxLength: 40,
  })
  @IsOmittable()
  @IsString()
  @Matches(/^[0-9A-Za-z.-]{6,40}$/, {
    message: 'must be a dossier code or its first 6 to 40 characters (letters, digits, "." and "-")',
  })
  code?: string;

  @ApiPropertyOptional({
    enum: WORK_ITEM_VIEWS,
    description:
      "received: the dossiers received at the caller's desk, whichever unit processes them (supplements to take in, 5; results to hand over, 9); for desk officers only, 403 for other roles. Left out: the queue of the unit processing them",
  })
  @IsOmittable()
  @IsIn(WORK_ITEM_VIEWS)
  view?: (typeof WORK_ITEM_VIEWS)[number];

  @ApiPropertyOptional({ description: 'nextCursor of the previous page, with the same filters' })
  @IsOmittable()
  @IsString()
  cursor?: string;
}
