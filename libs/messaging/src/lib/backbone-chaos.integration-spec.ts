import { EventEnvelope } from '@onestop/contracts';
import { CreateMessagingTables1763800000000 } from './migrations/1763800000000-CreateMessagingTables';
import { createTestDatabase, TestDatabase, waitFor } from '@onestop/testing';
import { startBroker, stopBroker, resetBroker } from '@onestop/local-stack';
import { BackboneUnderTest, startBackbone } from '../test/backbone';
import { createEffectsTable, probeFixture, RecordingHandler } from '../test/probe-events';

const EVENTS = 10_000;
const KEYS = 50;
const PER_TRANSACTION = 50;
// A broker of this test's own: stopping it must not disturb tests running beside it.
const broker = { name: 'chaos', port: 19192 };

/**
 * The backbone's promise under a broker outage: every event written to the outbox is applied
 * exactly once, in order per key, although Kafka goes away in the middle and comes back.
 */
describe('outbox → Kafka → inbox with the broker restarted midway', () => {
  const fixture = probeFixture('chaos');
  const handler = new RecordingHandler();
  let database: TestDatabase;
  let backbone: BackboneUnderTest;

  beforeAll(async () => {
    await resetBroker(broker);
    const { brokers } = await startBroker(broker);
    database = await createTestDatabase('chaos', { entities: [], migrations: [CreateMessagingTables1763800000000] });
    await createEffectsTable(database.dataSource);
    backbone = await startBackbone({
      brokers: brokers.split(','),
      databaseUrl: database.url,
      dataSource: database.dataSource,
      registry: fixture.registry,
      topic: { name: fixture.topic, partitions: 6, retentionMs: -1 },
      handlerType: 'ProbeRecorded',
      handler,
    });
  }, 120_000);

  afterAll(async () => {
    await backbone?.stop();
    await database?.drop();
    await stopBroker(broker);
  }, 60_000);

  async function writeEvents(from: number, to: number): Promise<void> {
    for (let start = from; start < to; start += PER_TRANSACTION) {
      const events: EventEnvelope[] = [];
      for (let n = start; n < Math.min(to, start + PER_TRANSACTION); n++)
        events.push(fixture.probe(`key-${n % KEYS}`, n));
      await database.dataSource.transaction((tx) => fixture.writer.append(tx, events));
    }
  }

  const count = async (sql: string) => Number((await database.dataSource.query(sql))[0].count);

  it('applies all 10,000 events once each, in order per key', async () => {
    await writeEvents(0, EVENTS / 2);
    await waitFor(async () => (await count('SELECT count(*) FROM probe_effects')) >= 1_000, 60_000, 'first effects');

    await stopBroker(broker);
    await writeEvents(EVENTS / 2, EVENTS); // committed while Kafka is down: they wait in the outbox
    expect(await count('SELECT count(*) FROM messaging_outbox')).toBeGreaterThan(0);
    await startBroker(broker);

    await waitFor(async () => (await count('SELECT count(*) FROM probe_effects')) >= EVENTS, 150_000, 'all effects');
    await waitFor(async () => (await count('SELECT count(*) FROM messaging_outbox')) === 0, 30_000, 'an empty outbox');
    await new Promise((resolve) => setTimeout(resolve, 2_000)); // late redeliveries would show now

    expect(await count('SELECT count(*) FROM probe_effects')).toBe(EVENTS);
    expect(await count('SELECT count(DISTINCT event_id) FROM probe_effects')).toBe(EVENTS);
    expect(await count('SELECT count(DISTINCT sequence) FROM probe_effects')).toBe(EVENTS);
    const outOfOrder = await count(`
      SELECT count(*) FROM (
        SELECT sequence < lag(sequence) OVER (PARTITION BY subject ORDER BY id) AS backwards FROM probe_effects
      ) steps WHERE backwards`);
    expect(outOfOrder).toBe(0);
  }, 300_000);
});
