import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@onestop/platform';
import { TaskProgressQueries } from './task-progress-queries.service';
import { TaskProgressQueryDto, TaskProgressReportDto } from './task-progress.dto';

/** Progress of the communes on the tasks the province gave them. */
@ApiTags('task-progress')
@Controller('api/v1/task-progress')
export class TaskProgressController {
  constructor(private readonly queries: TaskProgressQueries) {}

  @Get()
  @Roles('unit-leader', 'province-leader', 'province-admin')
  @ApiOperation({ summary: "Per commune: tasks due in the period, done, at risk, overdue and the share done (a commune leader sees his own commune)" })
  @ApiOkResponse({ type: TaskProgressReportDto })
  progress(@Query() query: TaskProgressQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.queries.progress(query, principal);
  }
}
