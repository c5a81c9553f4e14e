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

  @ApiProperty({
    description: 'last local day of the period (YYYY-MM-DD, included): not before from, at most 366 days in all',
    example: '2026-11-30',
  })
  @IsLocalDate()
  to!: string;

  @ApiPropertyOptional({
    enum: REPORT_FORMATS,
    description: 'csv answers text/csv (UTF-8 with a byte order mark, for Excel) as an attachment; json when absent',
    example: 'csv',
  })
  @IsOmittable()
  @IsIn(REPORT_FORMATS, { message: `must be one of ${REPORT_FORMATS.join(', ')}` })
  format?: ReportFormat;
}

export class IndicatorsQueryDto extends ReportPeriodQueryDto {
  @ApiPropertyOptional({
    description: 'one unit of your province (province roles); a unit leader may only name his own unit',
    example: '19753',
  })
  @EmptyAsAbsent()
  @IsOmittable()
  @IsUnitCode()
  unit?: string;

  @ApiPropertyOptional({
    enum: INDICATOR_GROUPINGS,
    description:
      'one row per commune/unit, procedure, field, local day or ISO week (Monday first, keyed by its Monday, or by `from` for a week begun before the period); one row for the whole scope when absent',
    example: 'procedure',
  })
  @IsOmittable()
  @IsIn(INDICATOR_GROUPINGS, { message: `must be one of ${INDICATOR_GROUPINGS.join(', ')}` })
  groupBy?: IndicatorGrouping;

  @ApiPropertyOptional({
    enum: INDICATOR_GROUPINGS,
    description:
      'a second grouping inside groupBy (rows keyed by key and subKey), e.g. groupBy=commune&thenBy=week for a commune × week map; needs groupBy, must differ from it, and day and week do not go together',
    example: 'week',
  })
  @IsOmittable()
  @IsIn(INDICATOR_GROUPINGS, { message: `must be one of ${INDICATOR_GROUPINGS.join(', ')}` })
  thenBy?: IndicatorGrouping;
}

export class RankingsQueryDto extends ReportPeriodQueryDto {}
