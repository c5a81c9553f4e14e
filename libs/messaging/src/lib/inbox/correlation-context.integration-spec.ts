import { EventEnvelope } from '@onestop/contracts';
import { currentCorrelationId } from '@onestop/platform';
import { createTestDatabase, publishEvents, TestDatabase, testKafkaBrokers, waitFor } from '@onestop/testing';
import { ClsServiceManager } from 'nestjs-cls';
import { EntityManager } from 'typeorm';
import { ConsumerSide, startConsumerSide } from '../../test/backbone';
import { probeFixture } from '../../test/probe-events';
import { createKafka } from '../kafka/kafka-client';
import { ensureTopics } from '../kafka/topic-provisioner';
import { CreateMessagingTables1763800000000 } from '../migrations/1763800000000-CreateMessagingTables';
import { correlationContext } from './correlation-context';
import { EventHandler } from './event-handler';

/**
 * Notes the correlation id each event's handler runs under, after a wait of a few milliseconds
 * inside the transaction: the batches of other partitions run meanwhile.
 */
class CorrelationRecorder implements EventHandler {
  readonly seen = new Map<string, string | undefined>();

  async handle(event: EventEnvelope<'ProbeRecorded', { sequence: number }>, tx: EntityManager): Promise<void> {
    await tx.query('SELECT pg_sleep($1)', [(event.payload.sequence % 7) / 1000]);
    this.seen.set(event.id, currentCorrelationId());
  }
}

describe('correlation context of consumed events', () => {
  const fixture = probeFixture('correlation');
  const handler = new CorrelationRecorder();
  const batchSizes: number[] = [];
  let database: TestDatabase;
  let consumerSide: ConsumerSide | undefined;

  beforeAll(async () => {
    database = await createTestDatabase('correlation', {
      entities: [],
      migrations: [CreateMessagingTables1763800000000],
    });
  });

  afterAll(async () => {
    await consumerSide?.stop();
    await database?.drop();
  });

  it("runs each handler of a batch under its own event's correlation id, while other partitions' batches run", async () => {
    const topic = { name: fixture.topic, partitions: 3, retentionMs: -1 };
    const kafka = createKafka({ brokers: testKafkaBrokers(), clientId: 'correlation-test' });
    await ensureTopics(kafka, [topic]);
    const producer = kafka.producer();
    await producer.connect();
    // On the topic before the consumer starts: each partition's events arrive as one batch.
    const events = Array.from({ length: 30 }, (_, n) => fixture.probe(`dossier-${n}`, n));
    await publishEvents(producer, fixture.topic, events);
    await producer.disconnect();

    consumerSide = await startConsumerSide({
      brokers: testKafkaBrokers(),
      databaseUrl: database.url,
      dataSource: database.dataSource,
      registry: fixture.registry,
      topic,
      handlerType: 'ProbeRecorded',
      handler,
      observer: {
        applied: (count) => batchSizes.push(count),
        duplicates: () => undefined,
        deadLettered: () => undefined,
      },
      context: correlationContext(ClsServiceManager.getClsService()),
    });
    await waitFor(async () => handler.seen.size === events.length, 30_000, 'every event handled');

    expect(Math.max(...batchSizes)).toBeGreaterThan(1);
    expect(events.map((event) => handler.seen.get(event.id))).toEqual(events.map((event) => event.correlationId));
  }, 60_000);
});
