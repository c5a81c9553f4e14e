import { Injectable } from '@nestjs/common';
import { DocumentSigned, EnvelopeOf, EventEnvelope, SignatureFailed } from '@onestop/contracts';
import { causedBy, OutboxWriter } from '@onestop/messaging';
import { Clock } from '@onestop/platform';
import { EntityManager } from 'typeorm';
import { State, STATUS_OF } from '../workflow/dossier-workflow';
import { DossierHistoryStore } from './dossier-history.store';
import { statusChanged } from './outgoing-events';
import { RoutedDossiersStore } from './routed-dossiers.store';

interface Outcome {
  to: State;
  action: string;
  reason: string | null;
  details: Record<string, unknown>;
}

/** The signature service's answer to a decision's signature request. */
@Injectable()
export class SignatureOutcomesService {
  constructor(
    private readonly dossiers: RoutedDossiersStore,
    private readonly history: DossierHistoryStore,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  /** The signed result makes an approved (or rejected) dossier done (9): ready for hand-over. */
  async signed(event: EnvelopeOf<typeof DocumentSigned>, tx: EntityManager): Promise<void> {
    const { dossierId, requestId, documentId, sha256, certificateSerial } = event.payload;
    // Only the signature routing asked for settles a decision; other signatures on the same
    // dossier's documents (a specialist's initials, a copy) change nothing here.
    if (!dossierId || !requestId) return;
    await this.settle(tx, event, dossierId, requestId, {
      to: 'done',
      action: 'result-signed',
      reason: null,
      details: { documentId, sha256, certificateSerial },
    });
  }

  /** A signature that could not be made returns the decision to processing, with the reason. */
  async failed(event: EnvelopeOf<typeof SignatureFailed>, tx: EntityManager): Promise<void> {
    const { dossierId, requestId, reason } = event.payload;
    await this.settle(tx, event, dossierId, requestId, {
      to: 'processing',
      action: 'signature-failed',
      reason,
      details: { requestId },
    });
  }

  /** Ends the wait for a signature one way or the other, once: a repeat finds nothing awaiting. */
  private async settle(
    tx: EntityManager,
    event: EventEnvelope,
    dossierId: string,
    requestId: string,
    outcome: Outcome,
  ): Promise<void> {
    const before = await this.dossiers.lock(tx, dossierId);
    // Only the answer to the request the dossier waits on counts: not one to an earlier decision, and
    // nothing once it is done, withdrawn meanwhile or another deployment's.
    if (!before || before.state !== 'awaiting-signature' || before.signatureRequestId !== requestId) return;
    const now = this.clock.now();
    const after = await this.dossiers.change(
      tx,
      before.id,
      before.version,
      {
        state: outcome.to,
        status: STATUS_OF[outcome.to],
        unitCode: before.unitCode,
        assigneeId: before.assigneeId,
        // Back in processing the decision is open again; done, the deadline is met.
        outcome: outcome.to === 'processing' ? null : before.outcome,
        dueAt: outcome.to === 'done' ? null : before.dueAt,
        pausedAt: before.pausedAt,
        remainingWorkingHours: before.remainingWorkingHours,
        resultChannel: before.resultChannel,
        signatureRequestId: null,
      },
      now,
    );
    await this.history.append(tx, {
      dossierId: before.id,
      at: now,
      actor: event.actor,
      action: outcome.action,
      from: { state: before.state, status: before.status },
      to: { state: outcome.to, status: STATUS_OF[outcome.to] },
      reason: outcome.reason,
      details: outcome.details,
    });
    await this.outbox.append(tx, [
      statusChanged(before, after, outcome.action, outcome.reason, causedBy('routing', event), now),
    ]);
  }
}
