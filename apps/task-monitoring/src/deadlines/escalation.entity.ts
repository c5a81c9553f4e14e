import { EscalationLevel } from '@onestop/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A late dossier on the work queue of a unit's leader or of the province: once per deadline and level. */
@Entity({ name: 'escalations' })
export class EscalationEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'dossier_id' })
  dossierId: string;

  @Column('integer', { name: 'deadline_version' })
  deadlineVersion: number;

  @Column('text')
  level: EscalationLevel;

  @Column('text')
  code: string;

  @Column('text', { name: 'province_code' })
  provinceCode: string;

  /** The unit and officer answering for the dossier now: they follow it when it is routed on. */
  @Column('text', { name: 'unit_code' })
  unitCode: string;

  @Column('text', { name: 'assignee_id', nullable: true })
  assigneeId: string | null;

  @Column('timestamptz', { name: 'due_at' })
  dueAt: Date;

  @Column('timestamptz', { name: 'escalated_at' })
  escalatedAt: Date;

  /** Set when the dossier closes or a new appointment is agreed. */
  @Column('timestamptz', { name: 'resolved_at', nullable: true })
  resolvedAt: Date | null;
}
