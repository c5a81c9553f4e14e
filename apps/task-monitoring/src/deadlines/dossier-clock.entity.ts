import { ProcessingStep } from '@onestop/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DeadlineClock } from './deadline-clock';

/**
 * A dossier's deadline clock as stored, with the instants its alarms fall due: computed when the
 * clock changes (null while it is paused or closed), so the scan only compares them with the time.
 */
@Entity({ name: 'dossier_clocks' })
export class DossierClockEntity {
  @PrimaryColumn('uuid', { name: 'dossier_id' })
  dossierId: string;

  @Column('text')
  code: string;

  @Column('text', { name: 'province_code' })
  provinceCode: string;

  @Column('text', { name: 'unit_code' })
  unitCode: string;

  @Column('text', { name: 'assignee_id', nullable: true })
  assigneeId: string | null;

  @Column('text', { name: 'procedure_code' })
  procedureCode: string;

  @Column('boolean', { name: 'pauses_for_citizen' })
  pausesForCitizen: boolean;

  @Column('text')
  state: DeadlineClock['state'];

  @Column('integer', { name: 'budget_minutes' })
  budgetMinutes: number;

  @Column('timestamptz', { name: 'segment_start', nullable: true })
  segmentStart: Date | null;

  @Column('integer', { name: 'remaining_minutes' })
  remainingMinutes: number;

  @Column('text')
  step: ProcessingStep;

  @Column('timestamptz', { name: 'step_start', nullable: true })
  stepStart: Date | null;

  @Column('integer', { name: 'step_remaining_minutes' })
  stepRemainingMinutes: number;

  @Column('boolean', { name: 'due_soon_fired' })
  dueSoonFired: boolean;

  @Column('boolean', { name: 'overdue_fired' })
  overdueFired: boolean;

  @Column('boolean', { name: 'step_overdue_fired' })
  stepOverdueFired: boolean;

  @Column('smallint', { name: 'escalation_level' })
  escalationLevel: number;

  /** Bumped by each apology: alarms are announced once per deadline. */
  @Column('integer', { name: 'deadline_version' })
  deadlineVersion: number;

  @Column('timestamptz', { name: 'due_at', nullable: true })
  dueAt: Date | null;

  @Column('timestamptz', { name: 'due_soon_at', nullable: true })
  dueSoonAt: Date | null;

  @Column('timestamptz', { name: 'step_due_at', nullable: true })
  stepDueAt: Date | null;

  @Column('timestamptz', { name: 'escalate_unit_leader_at', nullable: true })
  escalateUnitLeaderAt: Date | null;

  @Column('timestamptz', { name: 'escalate_province_at', nullable: true })
  escalateProvinceAt: Date | null;

  @Column('timestamptz', { name: 'next_fire_at', nullable: true })
  nextFireAt: Date | null;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt: Date;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
