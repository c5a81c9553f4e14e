import { Controller, Get, Query } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, ProblemResponse, Roles } from '@onestop/platform';
import { IndicatorQueries } from './indicator-queries.service';
import { indicatorsCsvFile, rankingsCsvFile } from './indicators-csv';
import { IndicatorReportDto } from './dto/indicator-report.dto';
import { IndicatorsQueryDto, RankingsQueryDto } from './dto/indicators-query.dto';
import { RankingReportDto } from './dto/ranking-report.dto';

const BOUNDARY_FREE = [
  'Filing is boundary-free: a dossier may be received at one commune and processed by another.',
  'Received dossiers (and refusals) count for the unit that received them, outcomes (resolved, stopped, returned, open at the end, and the applicants’ ratings of the service) for the unit that processes them.',
  'So each row shows receivedHere (received by this unit) beside resolvedHere (resolved by this unit): they differ by the dossiers that crossed a boundary, and neither is a share of the other.',
].join(' ');

const INDICATORS_EXAMPLE = {
  provinceCode: '46',
  unitCode: '19753',
  from: '2026-11-01',
  to: '2026-11-30',
  groupBy: null,
  rows: [
    {
      key: null,
      receivedHere: 4,
      resolvedHere: 3,
      counts: {
        received: 4,
        receivedOnline: 2,
        refused: 0,
        resolved: 3,
        resolvedOnTime: 2,
        resolvedLate: 1,
        processingMinutesSum: 3270,
        stopped: 0,
        withdrawn: 0,
        returned: 2,
        returnedElectronic: 1,
        signedResults: 2,
        overdueEvents: 1,
        apologies: 1,
        undeliverableNotices: 0,
        ratings: 2,
        ratingPointsSum: 9,
        satisfiedRatings: 2,
        openWithinDeadline: 1,
        openOverdue: 0,
        proceduresWithOnlineDossiers: 1,
        proceduresOffered: 1,
      },
      indicators: {
        onTimeOrWithinDeadlineShare: { numerator: 3, denominator: 4, value: 0.75 },
        onlineDossierShare: { numerator: 2, denominator: 4, value: 0.5 },
        overdueCount: 1,
        satisfiedRatingShare: { numerator: 2, denominator: 2, value: 1 },
        averageRatingScore: { numerator: 9, denominator: 2, value: 4.5 },
      },
      score: { total: { points: 31.67, maxPoints: 44, assessedMaxPoints: 44 } },
    },
  ],
};

const CSV_EXAMPLE = '\uFEFFPhạm vi,Tiếp nhận tại đơn vị,…,Điểm 766,Điểm tối đa được đánh giá\r\n19753,4,…,31.67,44\r\n';

/** The leaders' indicators: a unit's or the province's numbers for a period, and the units' 766 ranking. */
@ApiTags('indicators')
@ApiExtraModels(IndicatorReportDto, RankingReportDto)
@Controller('api/v1/indicators')
export class IndicatorsController {
  constructor(private readonly queries: IndicatorQueries) {}

  @Get()
  @Roles('unit-leader', 'province-leader', 'province-admin')
  @ApiOperation({
    summary:
      'Counts, indicators and 766 score of your unit (or your province, or one of its units) for a period, optionally grouped',
    description: BOUNDARY_FREE,
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description: 'one row for the scope, or one per group',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(IndicatorReportDto) }, example: INDICATORS_EXAMPLE },
      'text/csv': { schema: { type: 'string' }, example: CSV_EXAMPLE },
    },
  })
  @ProblemResponse(
    400,
    'A parameter is malformed, the period is reversed or longer than 366 days, or thenBy does not go with groupBy; `errors` names the parameter',
  )
  @ProblemResponse(403, 'The caller is not a leader, or a unit leader named another unit than his own')
  async indicators(@Query() query: IndicatorsQueryDto, @CurrentPrincipal() principal: Principal) {
    const report = await this.queries.indicators(query, principal);
    return query.format === 'csv' ? indicatorsCsvFile(report) : report;
  }

  @Get('rankings')
  @Roles('unit-leader', 'province-leader', 'province-admin')
  @ApiOperation({
    summary:
      "Units of your province ranked by total 766 score for a period (a unit leader gets his own unit's row and rank)",
    description: BOUNDARY_FREE,
  })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description: 'highest score first; equal scores share a rank',
    content: {
      'application/json': {
        schema: { $ref: getSchemaPath(RankingReportDto) },
        example: {
          provinceCode: '46',
          from: '2026-11-01',
          to: '2026-11-30',
          rankedUnits: 2,
          units: [
            {
              rank: 1,
              unitCode: '19753',
              points: 31.67,
              maxPoints: 44,
              assessedMaxPoints: 44,
              receivedHere: 4,
              resolvedHere: 3,
            },
          ],
        },
      },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  @ProblemResponse(
    400,
    'A parameter is malformed, or the period is reversed or longer than 366 days; `errors` names the parameter',
  )
  @ProblemResponse(403, 'The caller is not a leader')
  async rankings(@Query() query: RankingsQueryDto, @CurrentPrincipal() principal: Principal) {
    const report = await this.queries.rankings(query, principal);
    return query.format === 'csv' ? rankingsCsvFile(report) : report;
  }
}
