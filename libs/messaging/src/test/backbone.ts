import { deadLetterTopicSpec, EventRegistry, TopicSpec } from '@onestop/contracts';
import { Kafka, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { DeadLetterPublisher } from '../lib/dead-letters/dead-letter-publisher';
import { EventHandler } from '../lib/inbox/event-handler';
import { InboxConsumer, InboxConsumerOptions } from '../lib/inbox/inbox-consumer';
import { createIdempotentProducer, createKafka } from '../lib/kafka/kafka-client';
import { ensureTopics } from '../lib/kafka/topic-provisioner';
import { DEFAULT_RELAY_OPTIONS, OutboxRelay } from '../lib/outbox/outbox-relay';

export interface BackboneUnderTest {
  kafka: Kafka;
  producer: Producer;
  relay: OutboxRelay;
  consumer: InboxConsumer;
  stop(): Promise<void>;
}

/** Wires outbox relay → Kafka → inbox consumer exactly as a service does, on the test's topic. */
export async function startBackbone(params: {
  brokers: string[];
  databaseUrl: string;
  dataSource: DataSource;
  registry: EventRegistry;
  topic: TopicSpec;
  handlerType: string;
  handler: EventHandler;
  consumer?: Partial<InboxConsumerOptions>;
}): Promise<BackboneUnderTest> {
  const groupId = `${params.topic.name}.consumer`;
  const kafka = createKafka({ brokers: params.brokers, clientId: 'backbone-test' });
  await ensureTopics(kafka, [params.topic, deadLetterTopicSpec(groupId)]);
  const producer = createIdempotentProducer(kafka);
  await producer.connect();
  const relay = new OutboxRelay({ connectionString: params.databaseUrl }, producer, { ...DEFAULT_RELAY_OPTIONS, retryMaxMs: 1_000 });
  const consumer = new InboxConsumer(
    kafka,
    params.dataSource,
    params.registry,
    new Map([[params.handlerType, params.handler]]),
    new DeadLetterPublisher(producer, groupId),
    {
      groupId,
      topics: [params.topic.name],
      maxAttempts: 3,
      retryBaseMs: 50,
      retryMaxMs: 200,
      partitionsConsumedConcurrently: 3,
      fromBeginning: true,
      ...params.consumer,
    },
  );
  relay.start();
  await consumer.start();
  return {
    kafka,
    producer,
    relay,
    consumer,
    async stop() {
      await consumer.stop();
      await relay.stop();
      await producer.disconnect();
    },
  };
}
