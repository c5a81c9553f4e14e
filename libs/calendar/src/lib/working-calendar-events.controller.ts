import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { EnvelopeOf, ServiceName, WorkingCalendarChanged, WorkingCalendarChangedV1 } from '@onestop/contracts';
import { InboxContext, MESSAGING_SERVICE } from '@onestop/messaging';
import { afterCommit } from '@onestop/platform';
import { CalendarStore } from './calendar-store';
import { parseCalendarCorrections, parseCalendarDays } from './calendar-day';

type CalendarChange = EnvelopeOf<typeof WorkingCalendarChanged> | EnvelopeOf<typeof WorkingCalendarChangedV1>;

/**
 * Keeps this service's copy of the calendars equal to the one province administrators maintain at
 * intake: version 2 replaces a year of one province's corrections; version 1, published before
 * calendars were per province, a year of the national days, as it always did.
 */
@Controller()
export class WorkingCalendarEventsController {
  constructor(
    private readonly store: CalendarStore,
    @Inject(MESSAGING_SERVICE) private readonly service: ServiceName,
  ) {}

  @EventPattern(WorkingCalendarChanged.type)
  async calendarChanged(@Payload() event: CalendarChange, @Ctx() inbox: InboxContext): Promise<void> {
    const { tx } = inbox;
    // The service that made the change wrote it already; applying it late could undo a newer one.
    if (event.source === this.service) return;
    if (isVersion2(event)) {
      const { provinceCode, year, days } = event.payload;
      await this.store.replaceCorrections(tx, provinceCode, year, parseCalendarCorrections(days));
    } else {
      await this.store.replaceNationalYear(tx, event.payload.year, parseCalendarDays(event.payload.days));
    }
    afterCommit(tx, () => this.store.invalidate());
  }
}

function isVersion2(event: CalendarChange): event is EnvelopeOf<typeof WorkingCalendarChanged> {
  return event.version === WorkingCalendarChanged.version;
}
