import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A PDF kept here: a rendered result, or a signed revision of a document. */
@Entity({ name: 'documents' })
export class DocumentEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'dossier_id', nullable: true })
  dossierId: string | null;

  @Column('text', { name: 'dossier_code', nullable: true })
  dossierCode: string | null;

  @Column('text', { name: 'province_code' })
  provinceCode: string;

  /** The unit processing the dossier, or the signer's unit for an uploaded document; null before it was kept. */
  @Column('text', { name: 'unit_code', nullable: true })
  unitCode: string | null;

  @Column('text', { name: 'receiving_unit_code', nullable: true })
  receivingUnitCode: string | null;

  /** The applicant's citizen account, where the dossier was filed with one. */
  @Column('text', { name: 'applicant_subject', nullable: true })
  applicantSubject: string | null;

  @Column('text')
  kind: 'result' | 'signed';

  @Column('text')
  sha256: string;

  @Column('bytea')
  content: Buffer;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
