import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, ProblemResponse, ProblemResponses, Roles, uuidParam } from '@onestop/platform';
import { ApologyService } from './apology.service';
import { DeadlineQueries } from './deadline-queries.service';
import { ApologyDto } from './dto/apology.dto';
import { DeadlinePageDto } from './dto/deadline-page.dto';
import { DeadlinesQueryDto, EscalationsQueryDto } from './dto/deadlines-query.dto';
import { DossierDeadlineDto } from './dto/dossier-deadline.dto';
import { EscalationPageDto } from './dto/escalation-page.dto';
import { RecordedApologyDto } from './dto/recorded-apology.dto';

/** Deadlines for officers and leaders: what is due soon or late in their unit or province, the working time one dossier has left, and the apology that moves its deadline. */
@ApiTags('deadlines')
@Controller('api/v1')
export class DeadlinesController {
  constructor(
    private readonly queries: DeadlineQueries,
    private readonly apologies: ApologyService,
  ) {}

  @Get('deadlines')
  @Roles('desk-officer', 'specialist', 'unit-leader', 'province-leader', 'province-admin')
  @ApiOperation({
    summary: 'Running dossiers due soon or overdue, earliest deadline first, in your unit (or a unit of your province)',
  })
  @ApiOkResponse({ type: DeadlinePageDto })
  deadlines(@Query() query: DeadlinesQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.queries.deadlines(query, principal);
  }

  @Get('escalations')
  @Roles('unit-leader', 'province-leader', 'province-admin')
  @ApiOperation({ summary: "Open escalations: a unit leader's queue (their unit), or the province's (province roles)" })
  @ApiOkResponse({ type: EscalationPageDto })
  @ProblemResponse(403, "The caller may not see this queue: another unit's, or the province's without a province role")
  escalations(@Query() query: EscalationsQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.queries.escalations(query, principal);
  }

  @Get('dossiers/:id/deadline')
  @Roles('desk-officer', 'specialist', 'unit-leader', 'province-leader', 'province-admin')
  @ApiOperation({
    summary:
      "A dossier's deadline and the working time left to it now, on its province's working calendar, in your unit (or your province)",
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'the dossier' })
  @ApiOkResponse({ type: DossierDeadlineDto })
  @ProblemResponse(404, 'No such dossier, or not in your unit (or province)')
  dossierDeadline(@Param('id', uuidParam('id', 'a dossier id')) id: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.dossierDeadline(id, principal);
  }

  @Post('dossiers/:id/apology')
  @HttpCode(201)
  @Roles('unit-leader', 'province-leader')
  @ApiOperation({
    summary:
      'Records the apology for a late dossier with its new appointment date, approved by the caller, and tells the applicant',
  })
  @ApiCreatedResponse({ type: RecordedApologyDto })
  @ProblemResponses(404, 409)
  apology(
    @Param('id', uuidParam('id', 'a dossier id')) id: string,
    @Body() body: ApologyDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.apologies.record(id, body, principal);
  }
}
