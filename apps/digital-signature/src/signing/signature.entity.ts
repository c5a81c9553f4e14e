import { SignatureLevel } from '@onestop/pades';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A signature made here: the signed revision it produced, over which source, with which certificate. */
@Entity({ name: 'signatures' })
export class SignatureEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'document_id' })
  documentId: string;

  @Column('uuid', { name: 'source_document_id', nullable: true })
  sourceDocumentId: string | null;

  @Column('uuid', { name: 'certificate_id' })
  certificateId: string;

  @Column('text', { name: 'signer_id' })
  signerId: string;

  @Column('text')
  level: SignatureLevel;

  @Column('timestamptz', { name: 'claimed_at' })
  claimedAt: Date;

  @Column('timestamptz', { name: 'time_stamped_at', nullable: true })
  timeStampedAt: Date | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
