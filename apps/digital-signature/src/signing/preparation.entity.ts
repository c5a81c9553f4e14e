import { SignatureLevel } from '@onestop/pades';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Step one of a two-step signature: the PDF with its placeholder, waiting for the device's signature value. */
@Entity({ name: 'preparations' })
export class PreparationEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'certificate_id' })
  certificateId: string;

  @Column('text', { name: 'signer_id' })
  signerId: string;

  @Column('text')
  level: SignatureLevel;

  @Column('uuid', { name: 'request_id', nullable: true })
  requestId: string | null;

  @Column('uuid', { name: 'source_document_id', nullable: true })
  sourceDocumentId: string | null;

  /** The prepared PDF; emptied once completed. */
  @Column('bytea')
  placeholder: Buffer;

  @Column('integer', { name: 'byte_range', array: true })
  byteRange: number[];

  @Column('text', { name: 'field_name' })
  fieldName: string;

  @Column('bytea', { name: 'signed_attributes' })
  signedAttributes: Buffer;

  @Column('timestamptz', { name: 'signing_time' })
  signingTime: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  @Column('timestamptz', { name: 'completed_at', nullable: true })
  completedAt: Date | null;
}
