import { Inject, Injectable } from '@nestjs/common';
import { EnvelopeOf, ServiceName, WorkingCalendarChanged } from '@onestop/contracts';
import { EventHandler, HandlesEvent, MESSAGING_SERVICE } from '@onestop/messaging';
import { afterCommit } from '@onestop/platform';
import { EntityManager } from 'typeorm';
import { CalendarStore } from './calendar-store';
import { parseCalendarDays } from './calendar-day';

/** Keeps this service's copy of the calendar equal to the one province IT maintains at intake. */
@Injectable()
@HandlesEvent(WorkingCalendarChanged)
export class WorkingCalendarChangedHandler implements EventHandler<EnvelopeOf<typeof WorkingCalendarChanged>> {
  constructor(
    private readonly store: CalendarStore,
    @Inject(MESSAGING_SERVICE) private readonly service: ServiceName,
  ) {}

  async handle(event: EnvelopeOf<typeof WorkingCalendarChanged>, tx: EntityManager): Promise<void> {
    // The service that made the change wrote it already; applying it late could undo a newer one.
    if (event.source === this.service) return;
    await this.store.replaceYear(tx, event.payload.year, parseCalendarDays(event.payload.days));
    afterCommit(tx, () => this.store.invalidate());
  }
}
