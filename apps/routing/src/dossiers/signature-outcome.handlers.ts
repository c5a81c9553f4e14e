import { Injectable } from '@nestjs/common';
import { DocumentSigned, EnvelopeOf, EventEnvelope, SignatureFailed } from '@onestop/contracts';
import { causedBy, EventHandler, HandlesEvent, OutboxWriter } from '@onestop/messaging';
import { Clock } from '@onestop/platform';
import { EntityManager } from 'typeorm';
import { State, STATUS_OF } from '../workflow/dossier-workflow';
import { statusChanged } from './dossier-actions.service';
import { appendHistory } from './history';
import { ROUTED_COLUMNS, RoutedDossier } from './routed-dossier.record';

interface Outcome {
  to: State;
  action: string;
  reason: string | null;
  details: Record<string, unknown>;
}

/** Ends the wait for a signature one way or the other, once: a repeat finds nothing awaiting. */
async function settleSignature(tx: EntityManager, outbox: OutboxWriter, now: Date, event: EventEnvelope, dossierId: string, requestId: string, outcome: Outcome): Promise<void> {
  const rows: RoutedDossier[] = await tx.query(`SELECT ${ROUTED_COLUMNS} FROM routed_dossiers WHERE id = $1 FOR UPDATE`, [dossierId]);
  const before = rows[0];
  // Only the answer to the request the dossier waits on counts: not one to an earlier decision, and
  // nothing once it is done, withdrawn meanwhile or another deployment's.
  if (!before || before.state !== 'awaiting-signature' || before.signatureRequestId !== requestId) return;
  const [updated]: [RoutedDossier[], number] = await tx.query(
    `UPDATE routed_dossiers SET state = $2, status = $3, outcome = CASE WHEN $2 = 'processing' THEN NULL ELSE outcome END, signature_request_id = NULL,
       due_at = CASE WHEN $2 = 'done' THEN NULL ELSE due_at END, version = version + 1, updated_at = $4
     WHERE id = $1 RETURNING ${ROUTED_COLUMNS}`,
    [before.id, outcome.to, STATUS_OF[outcome.to], now],
  );
  await appendHistory(tx, {
    dossierId: before.id,
    at: now,
    actor: event.actor,
    action: outcome.action,
    from: { state: before.state, status: before.status },
    to: { state: outcome.to, status: STATUS_OF[outcome.to] },
    reason: outcome.reason,
    details: outcome.details,
  });
  const origin = causedBy('routing', event);
  await outbox.append(tx, [statusChanged(before, updated[0], outcome.action, outcome.reason, origin, now)]);
}

/** The signed result makes an approved (or rejected) dossier done (9): ready for hand-over. */
@Injectable()
@HandlesEvent(DocumentSigned)
export class DocumentSignedHandler implements EventHandler<EnvelopeOf<typeof DocumentSigned>> {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async handle(event: EnvelopeOf<typeof DocumentSigned>, tx: EntityManager): Promise<void> {
    const { dossierId, requestId, documentId, sha256, certificateSerial } = event.payload;
    // Only the signature routing asked for settles a decision; other signatures on the same
    // dossier's documents (a specialist's initials, a copy) change nothing here.
    if (!dossierId || !requestId) return;
    await settleSignature(tx, this.outbox, this.clock.now(), event, dossierId, requestId, { to: 'done', action: 'result-signed', reason: null, details: { documentId, sha256, certificateSerial } });
  }
}

/** A signature that could not be made returns the decision to processing, with the reason. */
@Injectable()
@HandlesEvent(SignatureFailed)
export class SignatureFailedHandler implements EventHandler<EnvelopeOf<typeof SignatureFailed>> {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async handle(event: EnvelopeOf<typeof SignatureFailed>, tx: EntityManager): Promise<void> {
    const { dossierId, requestId, reason } = event.payload;
    await settleSignature(tx, this.outbox, this.clock.now(), event, dossierId, requestId, { to: 'processing', action: 'signature-failed', reason, details: { requestId } });
  }
}
