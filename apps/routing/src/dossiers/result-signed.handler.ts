import { Injectable } from '@nestjs/common';
import { EnvelopeOf, ResultSigned } from '@onestop/contracts';
import { EventHandler, HandlesEvent, OutboxWriter } from '@onestop/messaging';
import { Clock } from '@onestop/platform';
import { EntityManager } from 'typeorm';
import { STATUS_OF } from '../workflow/dossier-workflow';
import { statusChanged } from './dossier-actions.service';
import { appendHistory } from './history';
import { ROUTED_COLUMNS, RoutedDossier } from './routed-dossier.record';

/** The signed result makes an approved (or rejected) dossier done (9): ready for hand-over. */
@Injectable()
@HandlesEvent(ResultSigned)
export class ResultSignedHandler implements EventHandler<EnvelopeOf<typeof ResultSigned>> {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async handle(event: EnvelopeOf<typeof ResultSigned>, tx: EntityManager): Promise<void> {
    const rows: RoutedDossier[] = await tx.query(`SELECT ${ROUTED_COLUMNS} FROM routed_dossiers WHERE id = $1 FOR UPDATE`, [event.payload.dossierId]);
    const before = rows[0];
    // A signature for a dossier not awaiting one (already done, withdrawn meanwhile) changes nothing.
    if (!before || before.state !== 'awaiting-signature') return;
    const now = this.clock.now();
    const [updated]: [RoutedDossier[], number] = await tx.query(
      `UPDATE routed_dossiers SET state = 'done', status = $2, due_at = NULL, version = version + 1, updated_at = $3 WHERE id = $1
       RETURNING ${ROUTED_COLUMNS}`,
      [before.id, STATUS_OF.done, now],
    );
    await appendHistory(tx, {
      dossierId: before.id,
      at: now,
      actor: event.actor,
      action: 'result-signed',
      from: { state: before.state, status: before.status },
      to: { state: 'done', status: STATUS_OF.done },
      reason: null,
      details: { documentId: event.payload.documentId, sha256: event.payload.sha256 },
    });
    const origin = { source: 'routing' as const, actor: event.actor, correlationId: event.correlationId, causationId: event.id };
    await this.outbox.append(tx, [statusChanged(before, updated[0], 'result-signed', null, origin, now)]);
  }
}
