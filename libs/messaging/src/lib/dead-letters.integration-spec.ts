import { deadLetterTopic } from '@onestop/contracts';
import { createTestDatabase, TestDatabase, testKafkaBrokers, waitFor } from '@onestop/testing';
import { DeadLetterStore } from './dead-letters/dead-letter-store';
import { CreateMessagingTables1763800000000 } from './migrations/1763800000000-CreateMessagingTables';
import { BackboneUnderTest, startBackbone } from '../test/backbone';
import { createEffectsTable, probeFixture, RecordingHandler } from '../test/probe-events';

/**
 * A poison event must not block its partition: it is tried a bounded number of times, parked on
 * the dead-letter topic, and the events behind it flow on. After a fix, a replay applies it once.
 */
describe('dead letters', () => {
  const fixture = probeFixture('poison');
  const handler = new RecordingHandler();
  let database: TestDatabase;
  let backbone: BackboneUnderTest;
  const group = `${fixture.topic}.consumer`;

  beforeAll(async () => {
    database = await createTestDatabase('poison', { entities: [], migrations: [CreateMessagingTables1763800000000] });
    await createEffectsTable(database.dataSource);
    backbone = await startBackbone({
      brokers: testKafkaBrokers(),
      databaseUrl: database.url,
      dataSource: database.dataSource,
      registry: fixture.registry,
      // One partition: the poison event and the events after it share it.
      topic: { name: fixture.topic, partitions: 1, retentionMs: -1 },
      handlerType: 'ProbeRecorded',
      handler,
      consumer: { maxAttempts: 3 },
    });
  }, 60_000);

  afterAll(async () => {
    await backbone?.stop();
    await database?.drop();
  });

  const effects = async (): Promise<{ subject: string; sequence: number }[]> =>
    database.dataSource.query('SELECT subject, sequence FROM probe_effects ORDER BY id');

  it('parks the poison event after the configured attempts while later events are applied, and replays it once', async () => {
    handler.failSubjects.add('poison');
    const events = [
      fixture.probe('before', 1),
      fixture.probe('poison', 2),
      fixture.probe('after', 3),
      fixture.probe('after', 4),
    ];
    await database.dataSource.transaction((tx) => fixture.writer.append(tx, events));

    await waitFor(async () => (await effects()).length === 3, 30_000, 'the healthy events');
    expect((await effects()).map((e) => e.sequence)).toEqual([1, 3, 4]);

    const store = new DeadLetterStore(backbone.kafka);
    await waitFor(async () => (await store.list(group)).length === 1, 15_000, 'the dead letter');
    const [letter] = await store.list(group);
    expect(letter).toMatchObject({
      eventId: events[1].id,
      eventType: 'ProbeRecorded',
      originalTopic: fixture.topic,
      originalPartition: 0,
      consumerGroup: group,
      attempts: 3,
      error: 'cannot apply poison',
    });
    expect(deadLetterTopic(group)).toBe(`${group}.dead-letters`);

    handler.failSubjects.clear(); // the fix is deployed
    expect(await store.replay(group, backbone.producer)).toHaveLength(1);
    await waitFor(async () => (await effects()).length === 4, 15_000, 'the replayed event');

    expect(await store.replay(group, backbone.producer)).toHaveLength(1); // an operator replays twice
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect((await effects()).filter((e) => e.subject === 'poison')).toHaveLength(1);
  }, 90_000);

  it('sends an event that fails its schema straight to dead letters without retrying', async () => {
    const before = handler.calls;
    const malformed = { ...fixture.probe('malformed', 5), payload: { sequence: 'five' } };
    await backbone.producer.send({
      topic: fixture.topic,
      messages: [{ key: 'malformed', value: JSON.stringify(malformed), headers: { 'event-id': malformed.id } }],
    });
    const store = new DeadLetterStore(backbone.kafka);
    await waitFor(
      async () => (await store.list(group)).some((l) => l.eventId === malformed.id),
      15_000,
      'the malformed event',
    );
    const letter = (await store.list(group)).find((l) => l.eventId === malformed.id)!;
    expect(letter.attempts).toBe(1);
    expect(letter.error).toMatch(/payload\.sequence/);
    expect(handler.calls).toBe(before);
  }, 30_000);
});
