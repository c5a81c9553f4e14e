import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsOmittable } from '@onestop/platform';

/** Maximum length of an applicant's comment. */
export const RATING_COMMENT_MAX_LENGTH = 1000;

/** The applicant's rating of the service, proven by the phone digits as the public look-up is. */
export class RateServiceDto {
  @ApiProperty({
    example: '5678',
    description:
      'the last four digits of the phone number given at filing; wrong digits count as a wrong try of the look-up',
  })
  @IsString()
  @Matches(/^[0-9]{4}$/, { message: 'must be the last four digits of the phone number' })
  phone!: string;

  @ApiProperty({
    minimum: 1,
    maximum: 5,
    example: 5,
    description: '1 (very dissatisfied) to 5 (very satisfied); 4 and 5 count as satisfied',
  })
  @IsInt()
  @Min(1)
  @Max(5)
  score!: number;

  @ApiPropertyOptional({
    maxLength: RATING_COMMENT_MAX_LENGTH,
    example: 'Cán bộ hướng dẫn tận tình.',
    description: 'what the applicant wants to say; kept by intake only, never published in events or reports',
  })
  @IsOmittable()
  @IsString()
  @MaxLength(RATING_COMMENT_MAX_LENGTH)
  comment?: string;
}
