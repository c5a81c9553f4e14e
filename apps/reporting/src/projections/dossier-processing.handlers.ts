import { Injectable } from '@nestjs/common';
import { CalendarStore } from '@onestop/calendar';
import { DossierRouted, DossierStatusChanged, EnvelopeOf } from '@onestop/contracts';
import { EventHandler, HandlesEvent } from '@onestop/messaging';
import { EntityManager } from 'typeorm';
import { applyRouting, applyStatusChange } from './dossier-fact';
import { DossierFactStore } from './dossier-fact.store';

/** Routing names the processing unit: later outcomes are credited to it. */
@Injectable()
@HandlesEvent(DossierRouted)
export class ProjectRouting implements EventHandler<EnvelopeOf<typeof DossierRouted>> {
  constructor(private readonly facts: DossierFactStore) {}

  async handle(event: EnvelopeOf<typeof DossierRouted>, tx: EntityManager): Promise<void> {
    const { dossierId, unitCode, assigneeId, dueAt } = event.payload;
    await this.facts.project(tx, dossierId, event, (fact) => applyRouting(fact, unitCode, assigneeId, dueAt ? new Date(dueAt) : null, new Date(event.occurredAt)));
  }
}

/**
 * Processing transitions, as routing publishes them. Intake's own transitions are left out: its
 * receipts and refusals are counted from DossierReceived and DossierRefusedAtIntake, and its
 * withdrawal of an online filing comes before receipt, outside every indicator.
 */
@Injectable()
@HandlesEvent(DossierStatusChanged)
export class ProjectProcessing implements EventHandler<EnvelopeOf<typeof DossierStatusChanged>> {
  constructor(
    private readonly facts: DossierFactStore,
    private readonly calendars: CalendarStore,
  ) {}

  async handle(event: EnvelopeOf<typeof DossierStatusChanged>, tx: EntityManager): Promise<void> {
    if (event.source !== 'routing') return;
    const { dossierId, provinceCode, to, action, unitCode, dueAt, resultChannel } = event.payload;
    const calendar = await this.calendars.calendar(provinceCode);
    const change = { to, action, unitCode, dueAt: dueAt ? new Date(dueAt) : null, resultChannel, at: new Date(event.occurredAt) };
    await this.facts.project(tx, dossierId, event, (fact) =>
      applyStatusChange(fact, change, (from, until) => Math.round(calendar.workingHoursBetween(from, until) * 60)),
    );
  }
}
