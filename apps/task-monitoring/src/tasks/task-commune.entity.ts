import { TaskStatus } from '@onestop/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { NUMERIC_AS_NUMBER } from '../database/numeric-column';

/** Where one commune stands on a task, kept current by its reports and by the status scanner. */
@Entity({ name: 'task_communes' })
export class TaskCommuneEntity {
  @PrimaryColumn('uuid', { name: 'task_id' })
  taskId: string;

  @PrimaryColumn('text', { name: 'commune_code' })
  communeCode: string;

  /** The level of the latest report; null before the first. */
  @Column('numeric', { nullable: true, transformer: NUMERIC_AS_NUMBER })
  value: number | null;

  @Column('text')
  status: TaskStatus;

  /** When the value reached the target; cleared if a later report corrects it below. */
  @Column('timestamptz', { name: 'done_at', nullable: true })
  doneAt: Date | null;

  @Column('uuid', { name: 'last_report_id', nullable: true })
  lastReportId: string | null;

  /** TaskAtRisk and TaskOverdue go out once per task and commune. */
  @Column('boolean', { name: 'at_risk_notified' })
  atRiskNotified: boolean;

  @Column('boolean', { name: 'overdue_notified' })
  overdueNotified: boolean;

  /** When time alone may change the status next; null once only a report can. */
  @Column('timestamptz', { name: 'next_check_at', nullable: true })
  nextCheckAt: Date | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
