import { ApiProperty } from '@nestjs/swagger';

/** Where the dossier stands for its applicant's rating, as the public look-up shows it. */
export class PublicRatingDto {
  @ApiProperty({
    description: 'true once the result has been handed over (status 10) and until the dossier is rated',
    example: true,
  })
  canRate!: boolean;

  @ApiProperty({
    description: 'whether the applicant has rated the service already (once per dossier)',
    example: false,
  })
  rated!: boolean;

  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: 5,
    description: 'the score given; null until rated',
    example: null,
  })
  score!: number | null;
}
