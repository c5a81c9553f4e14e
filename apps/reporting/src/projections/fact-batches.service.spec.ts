import { DossierRouted, DossierStatusChanged, EventEnvelope } from '@onestop/contracts';
import { createEvent } from '@onestop/messaging';
import { EntityManager } from 'typeorm';
import { DossierFactEntity } from '../read-model/dossier-fact.entity';
import { receivedFact } from '../test/received-fact';
import { CounterBook, CounterRowIncrements } from './counter-book';
import { CountersStore } from './counters.store';
import { applyRouting } from './dossier-fact';
import { DossierFactStore } from './dossier-fact.store';
import { FactBatches } from './fact-batches.service';

/** The dossier facts table in memory: what was saved is what the next batch reads. */
class InMemoryFacts implements Pick<DossierFactStore, keyof DossierFactStore> {
  readonly rows = new Map<string, DossierFactEntity>();
  saves = 0;

  async lockFacts(_tx: EntityManager, dossierIds: string[]): Promise<DossierFactEntity[]> {
    return dossierIds.flatMap((id) => (this.rows.has(id) ? [this.rows.get(id)!] : []));
  }

  async saveFacts(_tx: EntityManager, facts: DossierFactEntity[]): Promise<void> {
    this.saves += 1;
    for (const fact of facts) this.rows.set(fact.dossierId, fact);
  }
}

/** The day rows each batch added, as the counters store was given them. */
class InMemoryCounters implements Pick<CountersStore, keyof CountersStore> {
  readonly days: CounterRowIncrements[] = [];

  async add(_tx: EntityManager, book: CounterBook): Promise<void> {
    this.days.push(...book.drain().days);
  }
}

const origin = {
  source: 'routing' as const,
  actor: { kind: 'system' as const, id: 'test' },
  correlationId: 'c',
  causationId: null,
};
const dossierId = receivedFact.dossierId;
const routedTo = (unitCode: string, at: string) =>
  createEvent(
    DossierRouted,
    dossierId,
    { dossierId, code: receivedFact.code, unitCode, assigneeId: 'officer-1', dueAt: '2026-11-27T02:00:00Z' },
    origin,
    new Date(at),
  );
const aboutTheDossier = createEvent(
  DossierStatusChanged,
  dossierId,
  {
    dossierId,
    code: receivedFact.code,
    provinceCode: '46',
    procedureCode: 'HKD-DANGKY',
    receivingUnitCode: '19753',
    unitCode: '19753',
    from: 2,
    to: 4,
    action: 'accept',
    reason: null,
    dueAt: null,
    resultChannel: null,
  },
  origin,
  new Date('2026-11-24T03:00:00Z'),
);

describe('FactBatches', () => {
  let facts: InMemoryFacts;
  let counters: InMemoryCounters;
  let batches: FactBatches;

  beforeEach(() => {
    facts = new InMemoryFacts();
    counters = new InMemoryCounters();
    batches = new FactBatches(facts, counters);
  });

  /** One batch in a transaction of its own, as the inbox runs it. */
  async function batch(events: EventEnvelope[], apply: (tx: EntityManager) => Promise<void>): Promise<void> {
    const tx = {} as EntityManager;
    await batches.beforeBatch(events, tx);
    await apply(tx);
    await batches.afterBatch(tx);
  }

  it('starts a fact, counting the receipt for the desk on its day and opening the stock there', async () => {
    await batch([], (tx) => batches.start(tx, receivedFact, { received: 1 }));
    expect(facts.rows.get(dossierId)).toEqual(receivedFact);
    expect(counters.days).toEqual([
      {
        row: { provinceCode: '46', unitCode: '19753', procedureCode: 'HKD-DANGKY', day: '2026-11-24' },
        increments: expect.objectContaining({ received: 1, open_change: 1 }),
      },
      {
        row: { provinceCode: '46', unitCode: '19753', procedureCode: 'HKD-DANGKY', day: '2026-11-27' },
        increments: expect.objectContaining({ received: 0, overdue_open_change: 1 }),
      },
    ]);
  });

  it('does not count a receipt again when the dossier already has a fact', async () => {
    facts.rows.set(dossierId, receivedFact);
    await batch([], (tx) => batches.start(tx, { ...receivedFact, code: 'again' }, { received: 1 }));
    expect(facts.rows.get(dossierId)?.code).toBe(receivedFact.code);
    expect(facts.saves).toBe(0);
    expect(counters.days).toEqual([]);
  });

  it('skips an event about a dossier it has no fact of: nothing saved, nothing counted', async () => {
    await batch([aboutTheDossier], (tx) =>
      batches.project(tx, dossierId, aboutTheDossier, (fact) => ({ fact, counters: { resolved: 1 } })),
    );
    expect(facts.rows.size).toBe(0);
    expect(counters.days).toEqual([]);
  });

  it("applies a batch's events to a fact in order and saves it once, moving its stock to the unit it ends with", async () => {
    facts.rows.set(dossierId, receivedFact);
    const first = routedTo('19754', '2026-11-24T03:00:00Z');
    const second = routedTo('19755', '2026-11-24T04:00:00Z');
    await batch([first, second], async (tx) => {
      for (const event of [first, second]) {
        await batches.project(tx, dossierId, event, (fact) =>
          applyRouting(
            fact,
            event.payload.unitCode,
            'officer-1',
            new Date(event.payload.dueAt!),
            new Date(event.occurredAt),
          ),
        );
      }
    });
    expect(facts.saves).toBe(1);
    expect(facts.rows.get(dossierId)).toMatchObject({
      unitCode: '19755',
      lastEventAt: new Date('2026-11-24T04:00:00Z'),
    });
    const openChanges = counters.days
      .filter(({ row }) => row.day === '2026-11-24')
      .map(({ row, increments }) => [row.unitCode, increments['open_change']]);
    expect(openChanges).toEqual([
      ['19753', -1],
      ['19755', 1],
    ]);
  });

  it('refuses counters outside a batch, where nothing would write them', () => {
    expect(() =>
      batches.count(
        {} as EntityManager,
        { provinceCode: '46', unitCode: '19753', procedureCode: 'HKD-DANGKY', day: '2026-11-24' },
        { ratings: 1 },
      ),
    ).toThrow(/inside a batch/);
  });
});
