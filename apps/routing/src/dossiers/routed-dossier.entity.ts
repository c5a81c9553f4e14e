import { DossierStatusCode } from '@onestop/contracts';
import { ReceivedDossier } from '@onestop/messaging';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { State } from '../workflow/dossier-workflow';

/** A dossier in processing: where it is, who holds it, its deadline clock and its version. */
@Entity({ name: 'routed_dossiers' })
export class RoutedDossierEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  code: string;

  @Column('text', { name: 'province_code' })
  provinceCode: string;

  @Column('jsonb')
  procedure: ReceivedDossier['procedure'];

  @Column('text', { name: 'receiving_unit_code' })
  receivingUnitCode: string;

  @Column('text', { name: 'unit_code' })
  unitCode: string;

  @Column('text', { name: 'assignee_id', nullable: true })
  assigneeId: string | null;

  @Column('text')
  state: State;

  @Column('smallint')
  status: DossierStatusCode;

  @Column('text', { nullable: true })
  outcome: 'approved' | 'rejected' | null;

  @Column('jsonb')
  applicant: ReceivedDossier['applicant'];

  @Column('text', { name: 'subject_commune_code' })
  subjectCommuneCode: string;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt: Date;

  @Column('timestamptz', { name: 'due_at', nullable: true })
  dueAt: Date | null;

  /** Set while the deadline clock waits on the citizen. */
  @Column('timestamptz', { name: 'paused_at', nullable: true })
  pausedAt: Date | null;

  /** The working hours left when the clock paused; PostgreSQL's numeric arrives as a string. */
  @Column('numeric', { name: 'remaining_working_hours', nullable: true })
  remainingWorkingHours: string | null;

  @Column('text', { name: 'result_channel', nullable: true })
  resultChannel: string | null;

  /** The signature request a decision waits on (awaiting signature only). */
  @Column('uuid', { name: 'signature_request_id', nullable: true })
  signatureRequestId: string | null;

  @Column('int', { default: 1 })
  version: number;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
