import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A decision's result waiting for, or done with, its signature. */
@Entity({ name: 'signature_requests' })
export class SignatureRequestEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'dossier_id' })
  dossierId: string;

  @Column('text', { name: 'dossier_code' })
  dossierCode: string;

  /** Null for requests stored before the province was kept. */
  @Column('text', { name: 'province_code', nullable: true })
  provinceCode: string | null;

  @Column('text', { name: 'signer_id' })
  signerId: string;

  @Column('text')
  state: 'awaiting-signer' | 'signed' | 'failed';

  @Column('uuid', { name: 'result_document_id', nullable: true })
  resultDocumentId: string | null;

  @Column('uuid', { name: 'signed_document_id', nullable: true })
  signedDocumentId: string | null;

  @Column('text', { nullable: true })
  reason: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
