import { ApiProperty } from '@nestjs/swagger';
import { DATA_AS_OF } from '../../read-model/data-as-of.property';
import { INDICATOR_GROUPINGS, IndicatorGrouping } from './indicators-query.dto';

const RATIO_EXAMPLE = { numerator: 9, denominator: 10, value: 0.9 };

/** One row of the indicators answer (OpenAPI only: the service builds it from IndicatorRow). */
export class IndicatorRowDto {
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'commune/unit code, procedure code, field code or day; null for the whole scope',
    example: '19753',
  })
  key!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'the thenBy group inside key (same kinds of codes); null without thenBy',
    example: '2026-11-02',
  })
  subKey!: string | null;

  @ApiProperty({
    description: 'dossiers received by this unit in the period, wherever they are processed (boundary-free filing)',
    example: 12,
  })
  receivedHere!: number;

  @ApiProperty({
    description: 'dossiers resolved by this unit in the period, wherever they were received',
    example: 10,
  })
  resolvedHere!: number;

  @ApiProperty({
    description:
      'flows summed over the period; openWithinDeadline/openOverdue at the end of `to`; procedure counts are unit × procedure pairs that received dossiers (offered) and online dossiers (with online dossiers); ' +
      "ratings (their scores summed, and those of 4 or 5: satisfied) are the applicants' ratings once results were handed over, counted for the unit that processed the dossier on the day of the rating",
    example: {
      received: 12,
      receivedOnline: 5,
      refused: 1,
      resolved: 10,
      resolvedOnTime: 9,
      resolvedLate: 1,
      processingMinutesSum: 7200,
      stopped: 0,
      withdrawn: 0,
      returned: 9,
      returnedElectronic: 4,
      signedResults: 10,
      overdueEvents: 1,
      apologies: 1,
      undeliverableNotices: 1,
      ratings: 6,
      ratingPointsSum: 25,
      satisfiedRatings: 5,
      openWithinDeadline: 2,
      openOverdue: 0,
      proceduresWithOnlineDossiers: 2,
      proceduresOffered: 3,
    },
  })
  counts!: Record<string, number>;

  @ApiProperty({
    description: 'ratios with their terms; value null when there is nothing to measure',
    example: {
      onTimeOrWithinDeadlineShare: { numerator: 11, denominator: 12, value: 0.9167 },
      onlineDossierShare: RATIO_EXAMPLE,
      overdueCount: 1,
      satisfiedRatingShare: { numerator: 5, denominator: 6, value: 0.8333 },
      averageRatingScore: { numerator: 25, denominator: 6, value: 4.1667 },
    },
  })
  indicators!: Record<string, unknown>;

  @ApiProperty({
    description:
      "Decision 766 score: per indicator, per group and in total; 5.4 as its two halves, the delay (satisfaction.resolvedWithoutDelay) and the applicants' ratings (satisfaction.ratedSatisfied)",
    example: {
      indicators: [
        {
          id: 'satisfaction.ratedSatisfied',
          group: 'satisfaction',
          ratio: { numerator: 5, denominator: 6, value: 0.8333 },
          target: 0.9,
          maxPoints: 3,
          points: 2.78,
          assessed: true,
        },
      ],
      groups: [{ group: 'satisfaction', points: 5.78, maxPoints: 6, assessedMaxPoints: 6 }],
      total: { points: 31.5, maxPoints: 44, assessedMaxPoints: 44 },
    },
  })
  score!: Record<string, unknown>;
}

export class IndicatorReportDto {
  @ApiProperty({ example: '46' })
  provinceCode!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'the unit the rows are limited to; null for the whole province',
    example: '19753',
  })
  unitCode!: string | null;

  @ApiProperty({ example: '2026-11-01' })
  from!: string;

  @ApiProperty({ example: '2026-11-30' })
  to!: string;

  @ApiProperty({ enum: INDICATOR_GROUPINGS, nullable: true, example: 'commune' })
  groupBy!: IndicatorGrouping | null;

  @ApiProperty({ enum: INDICATOR_GROUPINGS, nullable: true, example: 'week' })
  thenBy!: IndicatorGrouping | null;

  @ApiProperty(DATA_AS_OF)
  dataAsOf!: string | null;

  @ApiProperty({ type: [IndicatorRowDto] })
  rows!: IndicatorRowDto[];
}
