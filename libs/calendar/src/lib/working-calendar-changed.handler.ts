import { Injectable } from '@nestjs/common';
import { EnvelopeOf, WorkingCalendarChanged } from '@onestop/contracts';
import { EventHandler, HandlesEvent } from '@onestop/messaging';
import { EntityManager } from 'typeorm';
import { CalendarStore } from './calendar-store';
import { parseCalendarDays } from './calendar-day';

/** Keeps this service's copy of the calendar equal to the one province IT maintains at intake. */
@Injectable()
@HandlesEvent(WorkingCalendarChanged)
export class WorkingCalendarChangedHandler implements EventHandler<EnvelopeOf<typeof WorkingCalendarChanged>> {
  constructor(private readonly store: CalendarStore) {}

  async handle(event: EnvelopeOf<typeof WorkingCalendarChanged>, tx: EntityManager): Promise<void> {
    await this.store.replaceYear(tx, event.payload.year, parseCalendarDays(event.payload.days));
    this.store.invalidate();
  }
}
