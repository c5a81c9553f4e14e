import { Column, Entity, PrimaryColumn } from 'typeorm';
import { NUMERIC_AS_NUMBER } from '../database/numeric-column';

/** A task or target the province gives its communes. */
@Entity({ name: 'tasks' })
export class TaskEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text', { name: 'province_code' })
  provinceCode: string;

  @Column('text')
  title: string;

  @Column('text')
  description: string;

  @Column('text')
  indicator: string;

  @Column('text', { name: 'indicator_unit' })
  indicatorUnit: string;

  @Column('numeric', { name: 'target_value', transformer: NUMERIC_AS_NUMBER })
  targetValue: number;

  /** YYYY-MM-DD: the communes' time runs from this date, or from the assignment when there is none. */
  @Column('date', { name: 'starts_on', nullable: true })
  startsOn: string | null;

  /** YYYY-MM-DD, the last day (Vietnam time). */
  @Column('date', { name: 'due_date' })
  dueDate: string;

  @Column('text', { name: 'created_by' })
  createdBy: string;

  /** The department that assigned it; null for the province's leaders. */
  @Column('text', { name: 'created_by_unit', nullable: true })
  createdByUnit: string | null;

  @Column('timestamptz', { name: 'created_at' })
  assignedAt: Date;
}
