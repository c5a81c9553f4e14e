import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Where a commune stands on one province task, as task monitoring last reported it. */
@Entity({ name: 'task_commune_facts' })
export class TaskCommuneFactEntity {
  @PrimaryColumn('uuid', { name: 'task_id' })
  taskId: string;

  @PrimaryColumn('text', { name: 'commune_code' })
  communeCode: string;

  @Column('text', { name: 'province_code' })
  provinceCode: string;

  @Column('text')
  title: string;

  /** PostgreSQL numeric, which pg hands over as text so that no digit is lost. */
  @Column('numeric', { name: 'target_value' })
  targetValue: string;

  /** The level of the latest report; null before the first. */
  @Column('numeric', { nullable: true })
  value: string | null;

  @Column('text')
  status: 'not-started' | 'on-track' | 'at-risk' | 'overdue' | 'done';

  /** A local date, YYYY-MM-DD. */
  @Column('date', { name: 'due_date' })
  dueDate: string;

  @Column('timestamptz', { name: 'at_risk_at', nullable: true })
  atRiskAt: Date | null;

  @Column('timestamptz', { name: 'overdue_at', nullable: true })
  overdueAt: Date | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
