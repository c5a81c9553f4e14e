import { createTestDatabase, TestDatabase, testKafkaBrokers, waitFor } from '@onestop/testing';
import { Producer } from 'kafkajs';
import { createIdempotentProducer, createKafka } from '../kafka/kafka-client';
import { ensureTopics } from '../kafka/topic-provisioner';
import { CreateMessagingTables1763800000000 } from '../migrations/1763800000000-CreateMessagingTables';
import { probeFixture } from '../../test/probe-events';
import { DEFAULT_RELAY_OPTIONS, OutboxRelay } from './outbox-relay';

/**
 * Several replicas of a service each run a relay; exactly one publishes at a time, so batches
 * never interleave and per-key order holds. When it goes, another takes over.
 */
describe('outbox relay with several replicas', () => {
  const fixture = probeFixture('relay');
  const kafka = createKafka({ brokers: testKafkaBrokers(), clientId: 'relay-test' });
  const options = { ...DEFAULT_RELAY_OPTIONS, standbyRetryMs: 200 };
  let database: TestDatabase;
  let producers: Producer[];
  let relays: OutboxRelay[];

  beforeAll(async () => {
    database = await createTestDatabase('relay', { entities: [], migrations: [CreateMessagingTables1763800000000] });
    await ensureTopics(kafka, [{ name: fixture.topic, partitions: 3, retentionMs: -1 }]);
    producers = [createIdempotentProducer(kafka), createIdempotentProducer(kafka)];
    await Promise.all(producers.map((p) => p.connect()));
    relays = producers.map((producer) => new OutboxRelay({ connectionString: database.url }, producer, options));
  }, 60_000);

  afterAll(async () => {
    await Promise.all(relays.map((relay) => relay.stop()));
    await Promise.all(producers.map((p) => p.disconnect()));
    await database.drop();
  });

  const outboxRows = async () =>
    Number((await database.dataSource.query('SELECT count(*) FROM messaging_outbox'))[0].count);

  it('lets one replica relay, and another take over when it stops', async () => {
    relays.forEach((relay) => relay.start());
    await waitFor(async () => relays.some((relay) => relay.isLeader), 10_000, 'a leader');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(relays.filter((relay) => relay.isLeader)).toHaveLength(1);

    await database.dataSource.transaction((tx) =>
      fixture.writer.append(tx, [fixture.probe('a', 1), fixture.probe('a', 2)]),
    );
    await waitFor(async () => (await outboxRows()) === 0, 10_000, 'the first events published');

    const leader = relays.find((relay) => relay.isLeader)!;
    const standby = relays.find((relay) => relay !== leader)!;
    await leader.stop();
    await waitFor(async () => standby.isLeader, 10_000, 'the standby to take over');
    await database.dataSource.transaction((tx) => fixture.writer.append(tx, [fixture.probe('a', 3)]));
    await waitFor(async () => (await outboxRows()) === 0, 10_000, 'the event published by the new leader');

    const admin = kafka.admin();
    await admin.connect();
    const offsets = await admin.fetchTopicOffsets(fixture.topic);
    await admin.disconnect();
    expect(offsets.reduce((sum, p) => sum + Number(p.high), 0)).toBe(3);
  }, 40_000);

  it('refuses to write events outside a transaction', async () => {
    await expect(fixture.writer.append(database.dataSource.manager, [fixture.probe('b', 1)])).rejects.toThrow(
      /inside the transaction/,
    );
    expect(await outboxRows()).toBe(0);
  });
});
