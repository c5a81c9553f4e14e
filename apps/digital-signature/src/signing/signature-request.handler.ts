import { Injectable } from '@nestjs/common';
import { SignatureFailed, SignatureRequested } from '@onestop/contracts';
import { causedBy, createEvent, EventDataKeys, EventHandler, HandlesEvent, openSignatureRequest, OutboxWriter, SignatureRequestedEvent } from '@onestop/messaging';
import { PadesError } from '@onestop/pades';
import { localDateOf } from '@onestop/calendar';
import { Clock } from '@onestop/platform';
import { AdministrativeUnits } from '@onestop/reference-data';
import { EntityManager } from 'typeorm';
import { CertificateRegistry } from '../certificates/certificate-registry';
import { certificateTitle } from '../certificates/certificate.record';
import { DigitalSignatureEnv } from '../digital-signature.env';
import { issuingAuthorityOf } from '../results/issuing-authority';
import { renderResult } from '../results/result-document';
import { storeDocument } from './documents';
import { SigningService } from './signing.service';

/**
 * A decision waiting for its signature: render the result, then sign it with the decider's key
 * held here, or leave it for the decider's device. Whatever stops the signature is published as
 * SignatureFailed, so the dossier goes back to processing with the reason, never half done.
 */
@Injectable()
@HandlesEvent(SignatureRequested)
export class SignatureRequestedHandler implements EventHandler<SignatureRequestedEvent> {
  constructor(
    private readonly registry: CertificateRegistry,
    private readonly signing: SigningService,
    private readonly outbox: OutboxWriter,
    private readonly eventData: EventDataKeys,
    private readonly clock: Clock,
    private readonly env: DigitalSignatureEnv,
    private readonly units: AdministrativeUnits,
  ) {}

  async handle(event: SignatureRequestedEvent, tx: EntityManager): Promise<void> {
    const request = openSignatureRequest(event, this.eventData);
    const now = this.clock.now();
    const inserted: unknown[] = await tx.query(
      `INSERT INTO signature_requests (id, dossier_id, dossier_code, province_code, signer_id, state, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'awaiting-signer', $6, $6) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [request.requestId, request.dossierId, request.code, request.provinceCode, request.signerId, now],
    );
    // The same request again (a replay under another event id): signed or refused once only.
    if (inserted.length === 0) return;
    const origin = causedBy('digital-signature', event);
    const fail = async (reason: string) => {
      await tx.query(`UPDATE signature_requests SET state = 'failed', reason = $2, updated_at = $3 WHERE id = $1`, [request.requestId, reason, now]);
      await this.outbox.append(tx, [createEvent(SignatureFailed, request.dossierId, { requestId: request.requestId, dossierId: request.dossierId, signerId: request.signerId, reason }, origin, now)]);
    };

    const certificate = await this.registry.current(request.signerId, request.provinceCode, tx);
    if (!certificate) return fail(`no valid signing certificate is registered for ${request.signerId}`);
    const decidedAt = new Date(event.occurredAt);
    // The result names its authority as the reference data does; a code it lacks is a data error to report, not to print.
    const authority = await issuingAuthorityOf(this.units, request.unitCode, localDateOf(decidedAt));
    if (!authority) return fail(`the deciding unit ${request.unitCode} is not in the reference data of administrative units`);
    const content = await renderResult({
      code: request.code,
      authority,
      procedureName: request.procedure.name,
      outcome: request.outcome,
      reason: request.reason,
      applicantName: request.applicantName,
      decidedAt,
      signer: { name: certificate.commonName, title: certificateTitle(certificate) },
      verificationUrl: this.env.verificationPageOf(request.code),
    });
    const result = await storeDocument(tx, {
      dossierId: request.dossierId,
      dossierCode: request.code,
      provinceCode: request.provinceCode,
      unitCode: request.unitCode,
      receivingUnitCode: request.receivingUnitCode ?? null,
      applicantSubject: request.applicantAccountSubject ?? null,
      kind: 'result',
      content,
      createdAt: now,
    });
    await tx.query(`UPDATE signature_requests SET result_document_id = $2 WHERE id = $1`, [request.requestId, result.id]);
    // A device key: the decider completes it through the two-step API; the request waits.
    if (certificate.keyStorage === 'device' && !certificate.lockedAt && !certificate.revokedAt) return;

    const context = {
      certificate,
      level: this.env.RESULT_SIGNATURE_LEVEL,
      reason: request.outcome === 'approved' ? 'Phê duyệt kết quả giải quyết hồ sơ' : 'Từ chối giải quyết hồ sơ',
      source: result,
      provinceCode: request.provinceCode,
      dossier: { id: request.dossierId, code: request.code },
      requestId: request.requestId,
      origin,
    };
    try {
      const signed = await this.signing.signWithServerKey(tx, content, context);
      await tx.query(`UPDATE signature_requests SET state = 'signed', signed_document_id = $2, updated_at = $3 WHERE id = $1`, [request.requestId, signed.documentId, now]);
    } catch (error) {
      // Whatever about the key, the document or the TSA stops this signature is reported, so the
      // dossier never waits forever; only infrastructure errors (the database) are retried.
      if (error instanceof PadesError) return fail(error.message);
      throw error;
    }
  }
}
