import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, ProblemResponse, ProblemResponses, Roles } from '@onestop/platform';
import { RoutingProblems } from '../problems';
import { DossierAccess } from './dossier-access.service';
import { DossierActionsService } from './dossier-actions.service';
import { DossierActionDto } from './dto/dossier-action.dto';
import { DossierHistoryDto } from './dto/dossier-history.dto';
import { WorkItemDto } from './dto/work-item.dto';
import { WorkItemPageDto } from './dto/work-item-page.dto';
import { WorkItemsQueryDto } from './dto/work-items-query.dto';
import { workItemView, WorkItemsService } from './work-items.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function dossierId(id: string): string {
  if (!UUID.test(id)) throw RoutingProblems.invalidDossierId();
  return id;
}

@ApiTags('work')
@Controller('api/v1')
export class DossiersController {
  constructor(
    private readonly workItems: WorkItemsService,
    private readonly access: DossierAccess,
    private readonly actions: DossierActionsService,
  ) {}

  @Get('work-items')
  @Roles('desk-officer', 'specialist', 'unit-leader', 'province-leader', 'province-admin')
  @ApiOperation({
    summary:
      "The work queue of the caller's unit (the province's for province roles), most urgent first, a page at a time",
    description:
      "Ordered by due date (dossiers without one last), then id. With view=received, a desk officer's list of the dossiers received at the desk, whichever unit processes them. Filters combine; keep them the same when passing nextCursor.",
  })
  @ApiOkResponse({ type: WorkItemPageDto })
  @ProblemResponse(400, 'A filter, the limit or the cursor is malformed; `errors` names the parameter')
  @ProblemResponse(
    403,
    'The caller has no officer or province role, or asked for view=received without being a desk officer of a unit (`errors` names `view`)',
  )
  list(@Query() query: WorkItemsQueryDto, @CurrentPrincipal() principal: Principal): Promise<WorkItemPageDto> {
    return this.workItems.list(principal, query);
  }

  @Get('dossiers/:id')
  @ApiOperation({ summary: 'One dossier in processing, with the actions allowed now' })
  @ApiOkResponse({ type: WorkItemDto })
  @ProblemResponses(404)
  async get(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<WorkItemDto> {
    return workItemView(await this.access.forRead(dossierId(id), principal));
  }

  @Get('dossiers/:id/history')
  @ApiOperation({ summary: 'The append-only audit trail: who, when, from, to, reason' })
  @ApiOkResponse({ type: DossierHistoryDto })
  @ProblemResponses(404)
  async history(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<DossierHistoryDto> {
    const dossier = await this.access.forRead(dossierId(id), principal);
    return this.workItems.historyOf(dossier.id);
  }

  @Post('dossiers/:id/actions')
  @HttpCode(200)
  @ApiOperation({ summary: 'Act on a dossier: 409 lists the allowed actions, or reports a stale version' })
  @ApiOkResponse({ type: WorkItemDto })
  @ProblemResponses(404, 409, 422)
  async act(
    @Param('id') id: string,
    @Body() command: DossierActionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WorkItemDto> {
    return workItemView(await this.actions.act(dossierId(id), command, principal));
  }
}
