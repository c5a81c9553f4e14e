import { CHANNELS, DossierStatusCode } from '@onestop/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What reporting keeps of one dossier: where, what, when and how it ended; nothing about the person. */
@Entity({ name: 'dossier_facts' })
export class DossierFactEntity {
  @PrimaryColumn('uuid', { name: 'dossier_id' })
  dossierId: string;

  @Column('text')
  code: string;

  @Column('text', { name: 'province_code' })
  provinceCode: string;

  @Column('text', { name: 'receiving_unit_code' })
  receivingUnitCode: string;

  /** The processing unit; the receiving desk or the subject commune until routing names it. */
  @Column('text', { name: 'unit_code' })
  unitCode: string;

  @Column('text', { name: 'procedure_code' })
  procedureCode: string;

  /** The catalogue field of the procedure; null for a procedure the catalogue lacks. */
  @Column('text', { name: 'field_code', nullable: true })
  fieldCode: string | null;

  /** Null for a dossier refused at intake: the refusal does not say how it was filed. */
  @Column('text', { nullable: true })
  channel: (typeof CHANNELS)[number] | null;

  @Column('timestamptz', { name: 'received_at', nullable: true })
  receivedAt: Date | null;

  @Column('timestamptz', { name: 'due_at', nullable: true })
  dueAt: Date | null;

  @Column('smallint')
  status: DossierStatusCode;

  @Column('timestamptz', { name: 'refused_at', nullable: true })
  refusedAt: Date | null;

  @Column('timestamptz', { name: 'finished_at', nullable: true })
  finishedAt: Date | null;

  @Column('timestamptz', { name: 'returned_at', nullable: true })
  returnedAt: Date | null;

  @Column('boolean', { name: 'on_time', nullable: true })
  onTime: boolean | null;

  /** Working minutes (office hours on the working calendar) from receipt to the result. */
  @Column('integer', { name: 'processing_minutes', nullable: true })
  processingMinutes: number | null;

  @Column('integer', { name: 'supplement_count' })
  supplementCount: number;

  @Column('integer', { name: 'apology_count' })
  apologyCount: number;

  @Column('boolean', { name: 'overdue_flagged' })
  overdueFlagged: boolean;

  @Column('boolean', { name: 'electronic_result' })
  electronicResult: boolean;

  @Column('boolean', { name: 'signed_result' })
  signedResult: boolean;

  /** Notices about it that could not be delivered on some channel. */
  @Column('integer', { name: 'undeliverable_notices' })
  undeliverableNotices: number;

  /** The officer routing last named as holding it (an account id); null while nobody is assigned. */
  @Column('text', { name: 'assignee_id', nullable: true })
  assigneeId: string | null;

  /** The last processing action taken on it, which tells the step within status 4. */
  @Column('text', { name: 'last_action', nullable: true })
  lastAction: string | null;

  @Column('timestamptz', { name: 'last_event_at' })
  lastEventAt: Date;
}
