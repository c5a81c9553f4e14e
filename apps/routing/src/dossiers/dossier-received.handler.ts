import { localDateOf } from '@onestop/calendar';
import { Injectable } from '@nestjs/common';
import { DossierReceived, DossierRouted } from '@onestop/contracts';
import { causedBy, createEvent, DossierReceivedEvent, EventDataKeys, EventHandler, HandlesEvent, openDossierReceived, OutboxWriter } from '@onestop/messaging';
import { Clock } from '@onestop/platform';
import { EntityManager } from 'typeorm';
import { STATUS_OF } from '../workflow/dossier-workflow';
import { AssignmentService } from './assignment.service';
import { appendHistory } from './history';

const ROUTER = { kind: 'system' as const, id: 'routing' };

/** A received dossier goes to its competent unit and, there, to the least-loaded officer. */
@Injectable()
@HandlesEvent(DossierReceived)
export class DossierReceivedHandler implements EventHandler<DossierReceivedEvent> {
  constructor(
    private readonly assignment: AssignmentService,
    private readonly outbox: OutboxWriter,
    private readonly eventData: EventDataKeys,
    private readonly clock: Clock,
  ) {}

  async handle(event: DossierReceivedEvent, tx: EntityManager): Promise<void> {
    // Officers call the applicant: routing keeps the contact, opened, with the dossier.
    const received = openDossierReceived(event, this.eventData);
    const now = this.clock.now();
    const unitCode = await this.assignment.competentUnit(received.procedure, received.subjectCommuneCode, localDateOf(new Date(received.receivedAt)));
    const assigneeId = await this.assignment.leastLoadedOfficer(tx, unitCode);
    const inserted: unknown[] = await tx.query(
      `INSERT INTO routed_dossiers (id, code, province_code, procedure, receiving_unit_code, unit_code, assignee_id, state, status,
         applicant, subject_commune_code, received_at, due_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'received', $8, $9, $10, $11, $12, $13)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [
        received.dossierId,
        received.code,
        received.provinceCode,
        JSON.stringify(received.procedure),
        received.receivingUnitCode,
        unitCode,
        assigneeId,
        STATUS_OF.received,
        JSON.stringify(received.applicant),
        received.subjectCommuneCode,
        received.receivedAt,
        received.dueAt,
        now,
      ],
    );
    if (inserted.length === 0) return;
    const to = { state: 'received' as const, status: STATUS_OF.received };
    await appendHistory(tx, { dossierId: received.dossierId, at: now, actor: ROUTER, action: 'route', from: null, to, reason: null, details: { unitCode, assigneeId } });
    const origin = causedBy('routing', event, ROUTER);
    await this.outbox.append(tx, [
      createEvent(DossierRouted, received.dossierId, { dossierId: received.dossierId, code: received.code, unitCode, assigneeId, dueAt: received.dueAt }, origin, now),
    ]);
  }
}
