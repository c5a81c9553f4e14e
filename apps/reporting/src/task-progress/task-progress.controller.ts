import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, ProblemResponse, Roles } from '@onestop/platform';
import { TaskProgressQueries } from './task-progress-queries.service';
import { TaskProgressQueryDto } from './dto/task-progress-query.dto';
import { TaskProgressReportDto } from './dto/task-progress-report.dto';

/** Progress of the communes on the tasks the province gave them. */
@ApiTags('task-progress')
@Controller('api/v1/task-progress')
export class TaskProgressController {
  constructor(private readonly queries: TaskProgressQueries) {}

  @Get()
  @Roles('unit-leader', 'province-leader', 'province-admin')
  @ApiOperation({
    summary:
      'Per commune: tasks due in the period, done, at risk, overdue and the share done (a commune leader sees his own commune)',
  })
  @ApiOkResponse({ type: TaskProgressReportDto })
  @ProblemResponse(400, 'The period is not a month, a quarter or a year; `errors` names it')
  @ProblemResponse(403, 'The caller is not a leader')
  progress(@Query() query: TaskProgressQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.queries.progress(query, principal);
  }
}
