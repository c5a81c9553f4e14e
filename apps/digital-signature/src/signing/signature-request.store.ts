import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { SignatureRequestEntity } from './signature-request.entity';

/** A request as it arrives: who signs the result of which dossier. */
export type NewSignatureRequest = Pick<
  SignatureRequestEntity,
  'id' | 'dossierId' | 'dossierCode' | 'provinceCode' | 'signerId'
>;

/** A request in the list of those waiting for the signer's device. */
export type WaitingSignatureRequest = Pick<
  SignatureRequestEntity,
  'id' | 'dossierId' | 'dossierCode' | 'resultDocumentId' | 'createdAt'
>;

/** Decisions' results waiting for, or done with, their signatures. */
@Injectable()
export class SignatureRequestStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Records the request as awaiting its signer; false when it is known already (a replay). */
  async open(tx: EntityManager, request: NewSignatureRequest, now: Date): Promise<boolean> {
    const inserted: unknown[] = await tx.query(
      `INSERT INTO signature_requests (id, dossier_id, dossier_code, province_code, signer_id, state, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'awaiting-signer', $6, $6) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [request.id, request.dossierId, request.dossierCode, request.provinceCode, request.signerId, now],
    );
    return inserted.length > 0;
  }

  async attachResult(tx: EntityManager, id: string, resultDocumentId: string): Promise<void> {
    await tx.getRepository(SignatureRequestEntity).update({ id }, { resultDocumentId });
  }

  async markSigned(tx: EntityManager, id: string, signedDocumentId: string, now: Date): Promise<void> {
    await tx
      .getRepository(SignatureRequestEntity)
      .update({ id }, { state: 'signed', signedDocumentId, updatedAt: now });
  }

  async markFailed(tx: EntityManager, id: string, reason: string, now: Date): Promise<void> {
    await tx.getRepository(SignatureRequestEntity).update({ id }, { state: 'failed', reason, updatedAt: now });
  }

  /**
   * Fails every request waiting for the signer's device in the certificate's province (and those
   * stored before requests kept their province): another province's registry entry for the same
   * account touches none of them.
   */
  async failWaiting(
    tx: EntityManager,
    signer: { userId: string; provinceCode: string },
    reason: string,
    now: Date,
  ): Promise<Pick<SignatureRequestEntity, 'id' | 'dossierId'>[]> {
    const [failed]: [Pick<SignatureRequestEntity, 'id' | 'dossierId'>[], number] = await tx.query(
      `UPDATE signature_requests SET state = 'failed', reason = $2, updated_at = $3
        WHERE signer_id = $1 AND state = 'awaiting-signer' AND (province_code = $4 OR province_code IS NULL)
       RETURNING id, dossier_id AS "dossierId"`,
      [signer.userId, reason, now, signer.provinceCode],
    );
    return failed;
  }

  /** The requests waiting for the signer's device, oldest first. */
  async waitingFor(signerId: string): Promise<WaitingSignatureRequest[]> {
    const waiting = await this.dataSource.getRepository(SignatureRequestEntity).find({
      select: { id: true, dossierId: true, dossierCode: true, resultDocumentId: true, createdAt: true },
      where: { signerId, state: 'awaiting-signer' },
      order: { createdAt: 'ASC' },
    });
    return waiting.map(({ id, dossierId, dossierCode, resultDocumentId, createdAt }) => ({
      id,
      dossierId,
      dossierCode,
      resultDocumentId,
      createdAt,
    }));
  }

  /** The request if it still waits for this signer, locked until the transaction ends. */
  findWaitingForUpdate(tx: EntityManager, id: string, signerId: string): Promise<SignatureRequestEntity | null> {
    return tx
      .getRepository(SignatureRequestEntity)
      .findOne({ where: { id, signerId, state: 'awaiting-signer' }, lock: { mode: 'pessimistic_write' } });
  }
}
