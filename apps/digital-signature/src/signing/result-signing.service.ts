import { Injectable } from '@nestjs/common';
import { SignatureFailed } from '@onestop/contracts';
import {
  causedBy,
  createEvent,
  EventDataKeys,
  openSignatureRequest,
  OutboxWriter,
  SignatureRequestedEvent,
} from '@onestop/messaging';
import { PadesError } from '@onestop/pades';
import { localDateOf } from '@onestop/calendar';
import { Clock } from '@onestop/platform';
import { AdministrativeUnits } from '@onestop/reference-data';
import { EntityManager } from 'typeorm';
import { CertificateRegistry } from '../certificates/certificate-registry.service';
import { certificateTitle } from '../certificates/certificate-chain';
import { DigitalSignatureEnv } from '../digital-signature.env';
import { issuingAuthorityOf } from '../results/issuing-authority';
import { renderResult } from '../results/result-document';
import { DocumentStore } from './document.store';
import { SignatureRequestStore } from './signature-request.store';
import { SigningService } from './signing.service';

/**
 * A decision waiting for its signature: render the result, then sign it with the decider's key
 * held here, or leave it for the decider's device. Whatever stops the signature is published as
 * SignatureFailed, so the dossier goes back to processing with the reason, never half done.
 */
@Injectable()
export class ResultSigningService {
  constructor(
    private readonly registry: CertificateRegistry,
    private readonly signing: SigningService,
    private readonly documents: DocumentStore,
    private readonly requests: SignatureRequestStore,
    private readonly outbox: OutboxWriter,
    private readonly eventData: EventDataKeys,
    private readonly clock: Clock,
    private readonly env: DigitalSignatureEnv,
    private readonly units: AdministrativeUnits,
  ) {}

  async signRequested(event: SignatureRequestedEvent, tx: EntityManager): Promise<void> {
    const request = openSignatureRequest(event, this.eventData);
    const now = this.clock.now();
    const opened = await this.requests.open(
      tx,
      {
        id: request.requestId,
        dossierId: request.dossierId,
        dossierCode: request.code,
        provinceCode: request.provinceCode,
        signerId: request.signerId,
      },
      now,
    );
    // The same request again (a replay under another event id): signed or refused once only.
    if (!opened) return;
    const origin = causedBy('digital-signature', event);
    const fail = async (reason: string) => {
      await this.requests.markFailed(tx, request.requestId, reason, now);
      await this.outbox.append(tx, [
        createEvent(
          SignatureFailed,
          request.dossierId,
          { requestId: request.requestId, dossierId: request.dossierId, signerId: request.signerId, reason },
          origin,
          now,
        ),
      ]);
    };

    const certificate = await this.registry.current(request.signerId, request.provinceCode, tx);
    if (!certificate) return fail(`no valid signing certificate is registered for ${request.signerId}`);
    const decidedAt = new Date(event.occurredAt);
    // The result names its authority as the reference data does; a code it lacks is a data error to report, not to print.
    const authority = await issuingAuthorityOf(this.units, request.unitCode, localDateOf(decidedAt));
    if (!authority)
      return fail(`the deciding unit ${request.unitCode} is not in the reference data of administrative units`);
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
    const result = await this.documents.insert(tx, {
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
    await this.requests.attachResult(tx, request.requestId, result.id);
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
      await this.requests.markSigned(tx, request.requestId, signed.documentId, now);
    } catch (error) {
      // Whatever about the key, the document or the TSA stops this signature is reported, so the
      // dossier never waits forever; only infrastructure errors (the database) are retried.
      if (error instanceof PadesError) return fail(error.message);
      throw error;
    }
  }
}
