import { ApiProperty } from '@nestjs/swagger';
import { DATA_AS_OF } from '../../read-model/data-as-of.property';

export class RankedUnitDto {
  @ApiProperty({ description: 'standard competition rank: equal scores share a rank (1, 1, 3)', example: 1 })
  rank!: number;

  @ApiProperty({ example: '19753' })
  unitCode!: string;

  @ApiProperty({ description: 'total 766 points of the computable indicators', example: 31.5 })
  points!: number;

  @ApiProperty({ example: 44 })
  maxPoints!: number;

  @ApiProperty({ description: 'the points the indicators that had something to measure could give', example: 38 })
  assessedMaxPoints!: number;

  @ApiProperty({ example: 12 })
  receivedHere!: number;

  @ApiProperty({ example: 10 })
  resolvedHere!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'the rank in the previous period (same length, ending the day before from); null when not ranked then',
    example: 3,
  })
  previousRank!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'the total 766 points in the previous period; null when not ranked then',
    example: 29.5,
  })
  previousPoints!: number | null;
}

export class RankingReportDto {
  @ApiProperty({ example: '46' })
  provinceCode!: string;

  @ApiProperty({ example: '2026-11-01' })
  from!: string;

  @ApiProperty({ example: '2026-11-30' })
  to!: string;

  @ApiProperty({ example: '2026-10-02', description: 'first day of the previous period the previous ranks come from' })
  previousFrom!: string;

  @ApiProperty({ example: '2026-10-31', description: 'last day of the previous period: the day before from' })
  previousTo!: string;

  @ApiProperty(DATA_AS_OF)
  dataAsOf!: string | null;

  @ApiProperty({
    description: 'how many units were ranked: those with a dossier counted or open in the period',
    example: 40,
  })
  rankedUnits!: number;

  @ApiProperty({ type: [RankedUnitDto], description: "every ranked unit for province roles; a unit leader's own row" })
  units!: RankedUnitDto[];
}
