import { Injectable } from '@nestjs/common';
import { localDateOf } from '@onestop/calendar';
import { DossierRouted } from '@onestop/contracts';
import {
  causedBy,
  createEvent,
  DossierReceivedEvent,
  EventDataKeys,
  openDossierReceived,
  OutboxWriter,
} from '@onestop/messaging';
import { Clock } from '@onestop/platform';
import { EntityManager } from 'typeorm';
import { STATUS_OF } from '../workflow/dossier-workflow';
import { AssignmentService } from './assignment.service';
import { DossierHistoryStore } from './dossier-history.store';
import { RoutedDossiersStore } from './routed-dossiers.store';

const ROUTER = { kind: 'system' as const, id: 'routing' };

/** A received dossier goes to its competent unit and, there, to the least-loaded officer. */
@Injectable()
export class DossierRoutingService {
  constructor(
    private readonly assignment: AssignmentService,
    private readonly dossiers: RoutedDossiersStore,
    private readonly history: DossierHistoryStore,
    private readonly outbox: OutboxWriter,
    private readonly eventData: EventDataKeys,
    private readonly clock: Clock,
  ) {}

  /** Routes the dossier once: a redelivered event finds it routed and changes nothing. */
  async route(event: DossierReceivedEvent, tx: EntityManager): Promise<void> {
    // Officers call the applicant: routing keeps the contact, opened, with the dossier.
    const received = openDossierReceived(event, this.eventData);
    const now = this.clock.now();
    const unitCode = await this.assignment.competentUnit(
      received.procedure,
      received.subjectCommuneCode,
      localDateOf(new Date(received.receivedAt)),
    );
    const assigneeId = await this.assignment.assignee(tx, unitCode);
    const inserted = await this.dossiers.insertOnce(tx, {
      id: received.dossierId,
      code: received.code,
      provinceCode: received.provinceCode,
      procedure: received.procedure,
      receivingUnitCode: received.receivingUnitCode,
      unitCode,
      assigneeId,
      state: 'received',
      status: STATUS_OF.received,
      applicant: received.applicant,
      subjectCommuneCode: received.subjectCommuneCode,
      receivedAt: new Date(received.receivedAt),
      dueAt: new Date(received.dueAt),
      updatedAt: now,
    });
    if (!inserted) return;
    const to = { state: 'received' as const, status: STATUS_OF.received };
    await this.history.append(tx, {
      dossierId: received.dossierId,
      at: now,
      actor: ROUTER,
      action: 'route',
      from: null,
      to,
      reason: null,
      details: { unitCode, assigneeId },
    });
    const origin = causedBy('routing', event, ROUTER);
    await this.outbox.append(tx, [
      createEvent(
        DossierRouted,
        received.dossierId,
        { dossierId: received.dossierId, code: received.code, unitCode, assigneeId, dueAt: received.dueAt },
        origin,
        now,
      ),
    ]);
  }
}
