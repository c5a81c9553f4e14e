import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How to reach a dossier's applicant, kept from intake's events for the notices that follow. */
@Entity({ name: 'dossier_contacts' })
export class DossierContactEntity {
  @PrimaryColumn('uuid', { name: 'dossier_id' })
  dossierId: string;

  @Column('text')
  code: string;

  @Column('text', { name: 'province_code' })
  provinceCode: string;

  @Column('text', { name: 'receiving_unit_code' })
  receivingUnitCode: string;

  @Column('jsonb', { name: 'procedure_name' })
  procedureName: { vi: string; en: string };

  @Column('text', { name: 'applicant_name' })
  applicantName: string;

  @Column('text', { nullable: true })
  phone: string | null;

  @Column('text', { nullable: true })
  email: string | null;

  @Column('text', { name: 'account_subject', nullable: true })
  accountSubject: string | null;

  /** YYYY-MM-DD. */
  @Column('date', { name: 'appointment_date', nullable: true })
  appointmentDate: string | null;

  /** The decision waiting for its signature, and its reasons. */
  @Column('text', { nullable: true })
  decision: 'approved' | 'rejected' | null;

  @Column('text', { name: 'decision_reason', nullable: true })
  decisionReason: string | null;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt: Date;
}
