import { DossierStatusCode } from '@onestop/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A document handed in with the filing, as the applicant described it. */
export interface FiledDocument {
  type: string;
  fileName: string;
  sha256: string;
  size: number;
}

/** A dossier as intake keeps it: the citizen ID only as ciphertext and blind index. */
@Entity({ name: 'dossiers' })
export class DossierEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  code!: string;

  @Column('smallint')
  status!: DossierStatusCode;

  @Column('text', { name: 'procedure_code' })
  procedureCode!: string;

  @Column('int', { name: 'procedure_version' })
  procedureVersion!: number;

  @Column('text', { name: 'province_code' })
  provinceCode!: string;

  @Column('text', { name: 'receiving_unit_code' })
  receivingUnitCode!: string;

  @Column('text', { name: 'competent_unit_code', nullable: true })
  competentUnitCode!: string | null;

  @Column('text')
  channel!: 'online' | 'counter' | 'postal';

  @Column('text', { name: 'applicant_name' })
  applicantName!: string;

  @Column('text', { name: 'applicant_phone' })
  applicantPhone!: string;

  @Column('text', { name: 'applicant_email', nullable: true })
  applicantEmail!: string | null;

  @Column('text', { name: 'applicant_address' })
  applicantAddress!: string;

  @Column('text', { name: 'applicant_commune_code' })
  applicantCommuneCode!: string;

  @Column('text', { name: 'subject_commune_code' })
  subjectCommuneCode!: string;

  @Column('text', { name: 'citizen_id_ciphertext' })
  citizenIdCiphertext!: string;

  @Column('text', { name: 'citizen_id_index' })
  citizenIdIndex!: string;

  /** The BLIND_INDEX_KEY key the index was computed with. */
  @Column('text', { name: 'citizen_id_index_key' })
  citizenIdIndexKey!: string;

  /** The signed-in citizen who filed online; null for a desk's filing. */
  @Column('text', { name: 'account_subject', nullable: true })
  accountSubject!: string | null;

  @Column('jsonb')
  documents!: FiledDocument[];

  /** The types of the required documents not handed in. */
  @Column('jsonb', { name: 'missing_documents' })
  missingDocuments!: string[];

  @Column('text', { name: 'intake_note', nullable: true })
  intakeNote!: string | null;

  @Column('text', { name: 'filed_by' })
  filedBy!: string;

  @Column('text', { name: 'idempotency_key', nullable: true })
  idempotencyKey!: string | null;

  @Column('text', { name: 'request_hash' })
  requestHash!: string;

  @Column('timestamptz', { name: 'filed_at' })
  filedAt!: Date;

  @Column('timestamptz', { name: 'received_at', nullable: true })
  receivedAt!: Date | null;

  @Column('timestamptz', { name: 'counting_from', nullable: true })
  countingFrom!: Date | null;

  @Column('timestamptz', { name: 'due_at', nullable: true })
  dueAt!: Date | null;

  /** YYYY-MM-DD. */
  @Column('date', { name: 'appointment_date', nullable: true })
  appointmentDate!: string | null;

  @Column('text', { name: 'result_channel', nullable: true })
  resultChannel!: string | null;

  @Column('int')
  version!: number;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
