import {
  createEventRegistry,
  EventEnvelope,
  WorkingCalendarChanged,
  WorkingCalendarChangedV1,
} from '@onestop/contracts';
import { createEvent, EventOrigin, InboxContext } from '@onestop/messaging';
import { EntityManager } from 'typeorm';
import { CalendarDay } from './calendar-day';
import { CalendarStore } from './calendar-store';
import { WorkingCalendarEventsController } from './working-calendar-events.controller';

const holiday: CalendarDay = {
  date: '2027-01-05',
  kind: 'holiday',
  name: { vi: 'Nghỉ', en: 'Day off' },
  basis: 'decision',
};
/** A correction taking back a national holiday: the province works Friday 1 January. */
const worked: CalendarDay = {
  date: '2027-01-01',
  kind: 'working-day',
  name: { vi: 'Làm việc', en: 'Worked' },
  basis: 'decision',
};
const fromIntake: EventOrigin = {
  source: 'intake',
  actor: { kind: 'user', id: 'admin-46', roles: ['province-admin'], unitCode: null },
  correlationId: 'c-1',
  causationId: null,
};
const at = new Date('2027-01-04T02:00:00Z');

describe('WorkingCalendarEventsController', () => {
  const store = { replaceCorrections: jest.fn(), replaceNationalYear: jest.fn(), invalidate: jest.fn() };
  const handler = new WorkingCalendarEventsController(store as unknown as CalendarStore, 'routing');
  const tx = {} as EntityManager;
  const inboxOf = (event: EventEnvelope = {} as EventEnvelope) => new InboxContext([tx, event]);
  const registry = createEventRegistry();

  beforeEach(() => jest.clearAllMocks());

  it("replaces the year of the event's province only, and forgets the cached calendars", async () => {
    const event = registry.parse(
      createEvent(
        WorkingCalendarChanged,
        'calendar-46-2027',
        { provinceCode: '46', year: 2027, days: [holiday, worked], reason: 'Quyết định' },
        fromIntake,
        at,
      ),
    );
    await handler.calendarChanged(event as never, inboxOf(event));
    expect(store.replaceCorrections).toHaveBeenCalledWith(tx, '46', 2027, [holiday, worked]);
    expect(store.replaceNationalYear).not.toHaveBeenCalled();
    expect(store.invalidate).toHaveBeenCalled();
  });

  it('reads a version 1 event, from before calendars were per province, as the national year it replaced', async () => {
    const event = registry.parse(
      createEvent(
        WorkingCalendarChangedV1,
        'calendar-2027',
        { year: 2027, days: [holiday], reason: 'Thông báo' },
        fromIntake,
        at,
      ),
    );
    await handler.calendarChanged(event as never, inboxOf(event));
    expect(store.replaceNationalYear).toHaveBeenCalledWith(tx, 2027, [holiday]);
    expect(store.replaceCorrections).not.toHaveBeenCalled();
  });

  it('skips the changes its own service made', async () => {
    const own = new WorkingCalendarEventsController(store as unknown as CalendarStore, 'intake');
    await own.calendarChanged(
      createEvent(
        WorkingCalendarChanged,
        'calendar-46-2027',
        { provinceCode: '46', year: 2027, days: [], reason: 'Quyết định' },
        fromIntake,
        at,
      ) as never,
      inboxOf(),
    );
    expect(store.replaceCorrections).not.toHaveBeenCalled();
  });
});

describe('the WorkingCalendarChanged contract', () => {
  const registry = createEventRegistry();

  it('names the province from version 2 on, and refuses a version 2 event without one', () => {
    const event = createEvent(
      WorkingCalendarChanged,
      'calendar-46-2027',
      { provinceCode: '46', year: 2027, days: [], reason: 'x' },
      fromIntake,
      at,
    );
    expect(registry.parse(event).version).toBe(2);
    const { provinceCode: _omitted, ...withoutProvince } = event.payload;
    const result = registry.validate({ ...event, payload: withoutProvince });
    expect(result.ok ? [] : result.error.issues.map((issue) => issue.path)).toEqual(['payload.provinceCode']);
    expect(registry.validate({ ...event, payload: { ...event.payload, provinceCode: 'Huế' } }).ok).toBe(false);
  });

  it('still reads version 1', () => {
    expect(
      registry.parse(
        createEvent(WorkingCalendarChangedV1, 'calendar-2027', { year: 2027, days: [], reason: 'x' }, fromIntake, at),
      ).version,
    ).toBe(1);
  });
});
