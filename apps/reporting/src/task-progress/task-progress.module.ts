import { Module } from '@nestjs/common';
import { TaskProgressController } from './task-progress.controller';
import { TaskProgressQueries } from './task-progress-queries.service';
import { TaskStandingsStore } from './task-standings.store';

/** Task progress of the communes, from the task standings of the read model. */
@Module({
  controllers: [TaskProgressController],
  providers: [TaskProgressQueries, TaskStandingsStore],
})
export class TaskProgressModule {}
