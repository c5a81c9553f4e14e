import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, ProblemResponses, Roles, UNIT_CODE_PATTERN, uuidParam } from '@onestop/platform';
import { TaskMonitoringProblems } from '../problems';
import { AssignTask } from './assign-task.service';
import { AssignTaskDto } from './dto/assign-task.dto';
import { ReportProgressDto } from './dto/report-progress.dto';
import { EvaluationsQueryDto, TasksQueryDto } from './dto/task-queries.dto';
import { TaskEvaluationDto } from './dto/task-evaluation.dto';
import { TaskCommuneProgressDto, TaskPageDto, TaskViewDto } from './dto/task-view.dto';
import { ReportProgress } from './report-progress.service';
import { TaskEvaluations } from './task-evaluations.service';
import { TaskJurisdiction } from './task-jurisdiction';
import { TaskQueries } from './task-queries.service';

const OFFICER_ROLES = ['desk-officer', 'specialist', 'unit-leader', 'province-leader', 'province-admin'] as const;
const uuid = uuidParam('id', 'a task id');

function communeCode(code: string): string {
  if (!UNIT_CODE_PATTERN.test(code)) throw TaskMonitoringProblems.malformedCommuneCode();
  return code;
}

/** Tasks and targets the province gives its communes, the communes' progress, and their evaluation. */
@ApiTags('tasks')
@Controller('api/v1')
export class TasksController {
  constructor(
    private readonly jurisdiction: TaskJurisdiction,
    private readonly assignTask: AssignTask,
    private readonly reportProgress: ReportProgress,
    private readonly queries: TaskQueries,
    private readonly evaluations: TaskEvaluations,
  ) {}

  @Post('tasks')
  @Roles('province-leader', 'province-admin', 'unit-leader')
  @ApiOperation({
    summary:
      "Give a task or target to communes of the caller's province (province leaders, or the leader of a province department)",
  })
  @ApiCreatedResponse({ type: TaskViewDto })
  async assign(@Body() command: AssignTaskDto, @CurrentPrincipal() principal: Principal) {
    return this.assignTask.assign(command, principal);
  }

  @Get('tasks')
  @Roles(...OFFICER_ROLES)
  @ApiOperation({
    summary:
      "Tasks newest first: the whole province's for province roles, the caller's commune's for its officers; cursor-paged",
  })
  @ApiOkResponse({ type: TaskPageDto })
  async list(@Query() query: TasksQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.queries.list(await this.jurisdiction.viewer(principal), query);
  }

  @Get('tasks/:id')
  @Roles(...OFFICER_ROLES)
  @ApiOperation({
    summary:
      'One task with each commune’s value, share of the target, status and last report (only its own for a commune)',
  })
  @ApiOkResponse({ type: TaskViewDto })
  @ProblemResponses(404)
  async get(@Param('id', uuid) id: string, @CurrentPrincipal() principal: Principal) {
    return this.queries.get(id, await this.jurisdiction.viewer(principal));
  }

  @Post('tasks/:id/communes/:communeCode/progress')
  @Roles('desk-officer', 'specialist', 'unit-leader')
  @ApiOperation({ summary: "A commune's officers report its progress; the status is recomputed and returned" })
  @ApiCreatedResponse({ type: TaskCommuneProgressDto })
  @ProblemResponses(404)
  async report(
    @Param('id', uuid) id: string,
    @Param('communeCode') code: string,
    @Body() command: ReportProgressDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.reportProgress.report(id, communeCode(code), command, principal);
  }

  @Get('task-evaluations')
  @Roles(...OFFICER_ROLES)
  @ApiOperation({
    summary: "Each commune's score on the tasks due in a month, quarter or year (a commune sees its own row)",
  })
  @ApiOkResponse({ type: TaskEvaluationDto })
  async evaluate(@Query() query: EvaluationsQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.evaluations.evaluate(await this.jurisdiction.viewer(principal), query.period);
  }
}
