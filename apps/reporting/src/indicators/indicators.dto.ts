import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { EmptyAsAbsent, IsLocalDate, IsOmittable, IsUnitCode } from '@onestop/platform';

export const INDICATOR_GROUPINGS = ['commune', 'procedure', 'field', 'day', 'week'] as const;
export type IndicatorGrouping = (typeof INDICATOR_GROUPINGS)[number];

/** Groupings along time: two of them in one answer would only split a day or week again. */
export const TIME_GROUPINGS: readonly IndicatorGrouping[] = ['day', 'week'];

export const REPORT_FORMATS = ['json', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A period of local days (UTC+7), both ends included; the order and length are checked with both known. */
class ReportPeriodQueryDto {
  @ApiProperty({ description: 'first local day of the period (YYYY-MM-DD, included)', example: '2026-11-01' })
  @IsLocalDate()
  from!: string;

  @ApiProperty({ description: 'last local day of the period (YYYY-MM-DD, included): not before from, at most 366 days in all', example: '2026-11-30' })
  @IsLocalDate()
  to!: string;

  @ApiPropertyOptional({ enum: REPORT_FORMATS, description: 'csv answers text/csv (UTF-8 with a byte order mark, for Excel) as an attachment; json when absent', example: 'csv' })
  @IsOmittable()
  @IsIn(REPORT_FORMATS, { message: `must be one of ${REPORT_FORMATS.join(', ')}` })
  format?: ReportFormat;
}

export class IndicatorsQueryDto extends ReportPeriodQueryDto {
  @ApiPropertyOptional({ description: 'one unit of your province (province roles); a unit leader may only name his own unit', example: '19753' })
  @EmptyAsAbsent()
  @IsOmittable()
  @IsUnitCode()
  unit?: string;

  @ApiPropertyOptional({
    enum: INDICATOR_GROUPINGS,
    description: 'one row per commune/unit, procedure, field, local day or ISO week (Monday first, keyed by its Monday, or by `from` for a week begun before the period); one row for the whole scope when absent',
    example: 'procedure',
  })
  @IsOmittable()
  @IsIn(INDICATOR_GROUPINGS, { message: `must be one of ${INDICATOR_GROUPINGS.join(', ')}` })
  groupBy?: IndicatorGrouping;

  @ApiPropertyOptional({
    enum: INDICATOR_GROUPINGS,
    description: 'a second grouping inside groupBy (rows keyed by key and subKey), e.g. groupBy=commune&thenBy=week for a commune × week map; needs groupBy, must differ from it, and day and week do not go together',
    example: 'week',
  })
  @IsOmittable()
  @IsIn(INDICATOR_GROUPINGS, { message: `must be one of ${INDICATOR_GROUPINGS.join(', ')}` })
  thenBy?: IndicatorGrouping;
}

export class RankingsQueryDto extends ReportPeriodQueryDto {}

/** How fresh an answer's numbers are, as every answer of the read model says it. */
export const DATA_AS_OF = {
  type: String,
  format: 'date-time',
  nullable: true,
  description: 'the time of the latest event the read model has projected: the numbers include everything up to it; null before any event',
  example: '2026-11-30T08:15:42.000Z',
};

const RATIO_EXAMPLE = { numerator: 9, denominator: 10, value: 0.9 };

/** One row of the indicators answer (OpenAPI only: the service builds it from IndicatorRow). */
export class IndicatorRowDto {
  @ApiProperty({ nullable: true, type: String, description: 'commune/unit code, procedure code, field code or day; null for the whole scope', example: '19753' })
  key!: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'the thenBy group inside key (same kinds of codes); null without thenBy', example: '2026-11-02' })
  subKey!: string | null;

  @ApiProperty({ description: 'dossiers received by this unit in the period, wherever they are processed (boundary-free filing)', example: 12 })
  receivedHere!: number;

  @ApiProperty({ description: 'dossiers resolved by this unit in the period, wherever they were received', example: 10 })
  resolvedHere!: number;

  @ApiProperty({
    description:
      'flows summed over the period; openWithinDeadline/openOverdue at the end of `to`; procedure counts are unit × procedure pairs that received dossiers (offered) and online dossiers (with online dossiers); ' +
      "ratings (their scores summed, and those of 4 or 5: satisfied) are the applicants' ratings once results were handed over, counted for the unit that processed the dossier on the day of the rating",
    example: { received: 12, receivedOnline: 5, refused: 1, resolved: 10, resolvedOnTime: 9, resolvedLate: 1, processingMinutesSum: 7200, stopped: 0, withdrawn: 0, returned: 9, returnedElectronic: 4, signedResults: 10, overdueEvents: 1, apologies: 1, undeliverableNotices: 1, ratings: 6, ratingPointsSum: 25, satisfiedRatings: 5, openWithinDeadline: 2, openOverdue: 0, proceduresWithOnlineDossiers: 2, proceduresOffered: 3 },
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
    description: "Decision 766 score: per indicator, per group and in total; 5.4 as its two halves, the delay (satisfaction.resolvedWithoutDelay) and the applicants' ratings (satisfaction.ratedSatisfied)",
    example: {
      indicators: [{ id: 'satisfaction.ratedSatisfied', group: 'satisfaction', ratio: { numerator: 5, denominator: 6, value: 0.8333 }, target: 0.9, maxPoints: 3, points: 2.78, assessed: true }],
      groups: [{ group: 'satisfaction', points: 5.78, maxPoints: 6, assessedMaxPoints: 6 }],
      total: { points: 31.5, maxPoints: 44, assessedMaxPoints: 44 },
    },
  })
  score!: Record<string, unknown>;
}

export class IndicatorReportDto {
  @ApiProperty({ example: '46' })
  provinceCode!: string;

  @ApiProperty({ nullable: true, type: String, description: 'the unit the rows are limited to; null for the whole province', example: '19753' })
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

  @ApiProperty({ type: Number, nullable: true, description: 'the rank in the previous period (same length, ending the day before from); null when not ranked then', example: 3 })
  previousRank!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'the total 766 points in the previous period; null when not ranked then', example: 29.5 })
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

  @ApiProperty({ description: 'how many units were ranked: those with a dossier counted or open in the period', example: 40 })
  rankedUnits!: number;

  @ApiProperty({ type: [RankedUnitDto], description: "every ranked unit for province roles; a unit leader's own row" })
  units!: RankedUnitDto[];
}
