import { Column, Entity, PrimaryColumn } from 'typeorm';
import { NUMERIC_AS_NUMBER } from '../database/numeric-column';

export interface EvidenceReference {
  name: string;
  /** A URL or a key of the document store. */
  ref: string;
  sha256?: string;
}

/** A commune's progress report on a task, as sent. */
@Entity({ name: 'task_progress_reports' })
export class TaskProgressReportEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'task_id' })
  taskId: string;

  @Column('text', { name: 'commune_code' })
  communeCode: string;

  @Column('numeric', { transformer: NUMERIC_AS_NUMBER })
  value: number;

  @Column('text', { nullable: true })
  comment: string | null;

  @Column('jsonb')
  evidence: EvidenceReference[];

  @Column('text', { name: 'reported_by' })
  reportedBy: string;

  @Column('timestamptz', { name: 'reported_at' })
  reportedAt: Date;
}
