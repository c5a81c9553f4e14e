import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TaskProgressReportEntity } from './task-progress-report.entity';

/** The communes' progress reports, each kept as sent. */
@Injectable()
export class TaskProgressReportStore {
  async insert(tx: EntityManager, report: TaskProgressReportEntity): Promise<void> {
    await tx.getRepository(TaskProgressReportEntity).insert(report);
  }
}
