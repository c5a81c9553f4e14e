import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable, PageLimitQueryDto } from '@onestop/platform';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, Min, Validate } from 'class-validator';
import { IsCitizenIdNumber } from './citizen-id-number.validator';

export class DossiersQueryDto extends PageLimitQueryDto {
  @ApiPropertyOptional({
    description:
      "a 12-digit citizen identity number: that citizen's dossiers within the caller's reach, newest first. Left out: the caller's own list, oldest first",
    example: '046095007788',
    pattern: '^\\d{12}$',
  })
  @IsOmittable()
  @Validate(IsCitizenIdNumber)
  citizenId?: string;

  @ApiPropertyOptional({
    description: 'national status code; 1 = filed online, waiting for the desk to receive it',
    example: 1,
    minimum: 1,
    maximum: 10,
  })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10)
  status?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page, with the same filters' })
  @IsOmittable()
  @IsString()
  cursor?: string;
}
