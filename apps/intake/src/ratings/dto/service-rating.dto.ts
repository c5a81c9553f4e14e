import { ApiProperty } from '@nestjs/swagger';

/** The rating as stored: the score, and whether a comment came with it (its text is not echoed). */
export class ServiceRatingDto {
  @ApiProperty({ example: '19753-261124-0001' })
  code!: string;

  @ApiProperty({ minimum: 1, maximum: 5, example: 5 })
  score!: number;

  @ApiProperty({ description: 'whether a comment was given', example: true })
  hasComment!: boolean;

  @ApiProperty({ format: 'date-time', example: '2026-11-30T09:15:00.000Z' })
  ratedAt!: string;
}
