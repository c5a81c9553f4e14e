import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, ProblemResponse, Roles } from '@onestop/platform';
import { OpenDossierQueries } from './open-dossier-queries.service';
import { DeadlineCountsDto, DeadlineCountsQueryDto } from './dto/deadline-counts.dto';
import { OpenDossierPageDto } from './dto/open-dossier-page.dto';
import { OpenDossiersQueryDto } from './dto/open-dossiers-query.dto';

/** The leaders' drill-down from a unit's numbers to the dossiers behind its late and due-soon counts. */
@ApiTags('indicators')
@Controller('api/v1/indicators')
export class OpenDossiersController {
  constructor(private readonly queries: OpenDossierQueries) {}

  @Get('dossiers')
  @Roles('unit-leader', 'province-leader', 'province-admin')
  @ApiOperation({
    summary:
      "A unit's open dossiers that are late or due soon, with the step they are at and the officer holding them (no applicant data)",
    description:
      'Late ones most overdue first, due-soon ones soonest first; a page at a time, nextCursor giving the next.',
  })
  @ApiOkResponse({ type: OpenDossierPageDto })
  @ProblemResponse(400, 'The unit, procedure, state, limit or cursor is malformed; `errors` names the parameter')
  @ProblemResponse(403, 'The caller is not a leader, or a unit leader named another unit than his own')
  list(@Query() query: OpenDossiersQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.queries.list(query, principal);
  }

  @Get('deadlines')
  @Roles('unit-leader', 'province-leader', 'province-admin')
  @ApiOperation({
    summary:
      'How many open dossiers of each unit of your province (a unit leader: his unit) are late or due within the next working day, now',
  })
  @ApiOkResponse({ type: DeadlineCountsDto })
  @ProblemResponse(400, 'The unit is malformed; `errors` names it')
  @ProblemResponse(403, 'The caller is not a leader, or a unit leader named another unit than his own')
  deadlines(@Query() query: DeadlineCountsQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.queries.counts(query, principal);
  }
}
