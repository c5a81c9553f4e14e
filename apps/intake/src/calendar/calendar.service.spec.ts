import { CalendarDay, CalendarStore, StoredCalendarYear } from '@onestop/calendar';
import { EventEnvelope } from '@onestop/contracts';
import { OutboxWriter } from '@onestop/messaging';
import { ManualClock, Principal, ProblemException } from '@onestop/platform';
import { AdministrativeUnit, AdministrativeUnits } from '@onestop/reference-data';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarService } from './calendar.service';

const HUE = '46';
const NATIONAL_DAY: CalendarDay = {
  date: '2027-09-02',
  kind: 'holiday',
  name: { vi: 'Quốc khánh', en: 'National Day' },
  basis: 'law',
};
const DAY_OFF: CalendarDay = {
  date: '2027-09-03',
  kind: 'holiday',
  name: { vi: 'Nghỉ bù', en: 'Day off in lieu' },
  basis: 'decision',
};

/** The national days of 2027 and each province's corrections, held in memory. */
class InMemoryCalendarStore {
  readonly corrections = new Map<string, CalendarDay[]>();
  invalidated = 0;

  async year(year: number, provinceCode: string | null): Promise<StoredCalendarYear> {
    return {
      national: year === 2027 ? [NATIONAL_DAY] : [],
      corrections: (provinceCode && this.corrections.get(`${provinceCode}-${year}`)) || [],
    };
  }

  async replaceCorrections(
    _tx: EntityManager,
    provinceCode: string,
    year: number,
    days: readonly CalendarDay[],
  ): Promise<void> {
    this.corrections.set(`${provinceCode}-${year}`, [...days]);
  }

  invalidate(): void {
    this.invalidated += 1;
  }
}

class InMemoryUnits {
  async find(code: string): Promise<Pick<AdministrativeUnit, 'code' | 'kind'> | null> {
    return code === HUE ? { code, kind: 'province' } : code === '19753' ? { code, kind: 'commune' } : null;
  }
}

class RecordingOutbox {
  readonly events: EventEnvelope[] = [];

  async append(_tx: EntityManager, events: readonly EventEnvelope[]): Promise<void> {
    this.events.push(...events);
  }
}

/** Runs the work at once; the fakes above need no real transaction. */
const immediateTransactions = {
  transaction: (work: (tx: EntityManager) => Promise<unknown>) => work({} as EntityManager),
};

const admin = (provinceCode: string | null): Principal => ({
  subject: 'admin',
  roles: ['province-admin'],
  unitCode: null,
  provinceCode,
});

describe('CalendarService', () => {
  let store: InMemoryCalendarStore;
  let outbox: RecordingOutbox;
  let calendar: CalendarService;

  beforeEach(() => {
    store = new InMemoryCalendarStore();
    outbox = new RecordingOutbox();
    calendar = new CalendarService(
      store as unknown as CalendarStore,
      new InMemoryUnits() as unknown as AdministrativeUnits,
      immediateTransactions as unknown as DataSource,
      outbox as unknown as OutboxWriter,
      new ManualClock(new Date('2026-12-03T03:00:00Z')),
    );
  });

  const problemOf = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: ProblemException) =>
        error.getResponse() as { status: number; detail?: string; errors?: { field: string; code: string }[] },
    );

  it("stores a province's corrections, publishes them and shows them marked in its effective calendar", async () => {
    const view = await calendar.correct(
      '2027',
      undefined,
      { days: [DAY_OFF], reason: 'Quyết định nghỉ bù' },
      admin(HUE),
    );
    expect(view.corrections).toEqual([DAY_OFF]);
    expect(view.days).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ date: DAY_OFF.date, correction: true }),
        expect.objectContaining({ date: NATIONAL_DAY.date, correction: false }),
      ]),
    );
    expect(outbox.events.map((event) => [event.type, event.payload])).toEqual([
      ['WorkingCalendarChanged', { provinceCode: HUE, year: 2027, days: [DAY_OFF], reason: 'Quyết định nghỉ bù' }],
    ]);
    expect(store.invalidated).toBe(1);
    expect((await calendar.read('2027', undefined, undefined)).corrections).toEqual([]);
    expect((await calendar.read('2027', HUE, undefined)).corrections).toEqual([DAY_OFF]);
  });

  it("refuses, with a 403 and before reading the year, an administrator without a province or naming another's", async () => {
    expect(
      await problemOf(calendar.correct('20x7', undefined, { days: [], reason: 'none given' }, admin(null))),
    ).toMatchObject({ status: 403 });
    expect(
      await problemOf(calendar.correct('2027', '01', { days: [], reason: 'another one' }, admin(HUE))),
    ).toMatchObject({ status: 403, detail: expect.stringContaining(HUE) });
    expect(
      await problemOf(calendar.correct('2027', undefined, { days: [], reason: 'not a province' }, admin('19753'))),
    ).toMatchObject({ status: 403 });
    expect(outbox.events).toEqual([]);
  });

  it('names a day outside the year, a bad year and an unknown province as 400 field problems', async () => {
    const outside = await problemOf(
      calendar.correct(
        '2027',
        undefined,
        { days: [{ ...DAY_OFF, date: '2028-09-04' }], reason: 'wrong year' },
        admin(HUE),
      ),
    );
    expect(outside?.errors).toContainEqual(expect.objectContaining({ field: 'days.0.date', code: 'notInYear' }));
    expect((await problemOf(calendar.read('1999', undefined, undefined)))?.errors).toEqual([
      expect.objectContaining({ field: 'year', code: 'isInt' }),
    ]);
    expect((await problemOf(calendar.read('2027', '99', undefined)))?.errors).toEqual([
      expect.objectContaining({ field: 'province', code: 'unknownReference' }),
    ]);
    expect(store.corrections.size).toBe(0);
  });
});
