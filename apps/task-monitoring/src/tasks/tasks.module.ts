import { Module } from '@nestjs/common';
import { ReferenceDataModule } from '@onestop/reference-data';
import { AssignTask } from './assign-task.service';
import { ReportProgress } from './report-progress.service';
import { TaskCommuneStore } from './task-commune.store';
import { TaskEvaluations } from './task-evaluations.service';
import { TaskJurisdiction } from './task-jurisdiction';
import { TaskProgressReportStore } from './task-progress-report.store';
import { TaskQueries } from './task-queries.service';
import { TaskStatusScanner } from './task-status-scanner';
import { TaskStore } from './task.store';
import { TasksController } from './tasks.controller';

/** Province-to-commune tasks: assignment, progress reports, status scanning and evaluation. */
@Module({
  imports: [ReferenceDataModule],
  controllers: [TasksController],
  providers: [
    TaskStore,
    TaskCommuneStore,
    TaskProgressReportStore,
    TaskJurisdiction,
    TaskQueries,
    AssignTask,
    ReportProgress,
    TaskEvaluations,
    TaskStatusScanner,
  ],
})
export class TasksModule {}
