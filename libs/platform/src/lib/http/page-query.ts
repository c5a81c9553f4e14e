import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { IsOmittable } from './omittable';

/** How many items a page holds: 50 unless asked, 200 at most. */
export class PageLimitQueryDto {
  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

/** A page of a list ordered by UUIDv7 ids: the cursor is the last id of the previous page. */
export class IdCursorPageQueryDto extends PageLimitQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOmittable()
  @IsUUID('7', { message: 'must be the nextCursor of a previous page' })
  cursor?: string;
}
