import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SignatureEntity } from './signature.entity';

/** The record of each signature made. */
@Injectable()
export class SignatureStore {
  /** On the signing path: one plain statement. */
  async insert(tx: EntityManager, signature: SignatureEntity): Promise<void> {
    await tx.query(
      `INSERT INTO signatures (id, document_id, source_document_id, certificate_id, signer_id, level, claimed_at, time_stamped_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        signature.id,
        signature.documentId,
        signature.sourceDocumentId,
        signature.certificateId,
        signature.signerId,
        signature.level,
        signature.claimedAt,
        signature.timeStampedAt,
        signature.createdAt,
      ],
    );
  }
}
