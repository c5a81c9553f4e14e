import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An apology for a late dossier: the new appointment the approving leader set, as the applicant was told. */
@Entity({ name: 'apologies' })
export class ApologyEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'dossier_id' })
  dossierId: string;

  @Column('text')
  reason: string;

  @Column('timestamptz', { name: 'previous_due_at', nullable: true })
  previousDueAt: Date | null;

  /** YYYY-MM-DD, Vietnam time. */
  @Column('date', { name: 'new_appointment_date' })
  newAppointmentDate: string;

  @Column('timestamptz', { name: 'new_due_at' })
  newDueAt: Date;

  @Column('text', { name: 'approved_by' })
  approvedBy: string;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;
}
