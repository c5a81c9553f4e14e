import { deadLetterTopicSpec, EventRegistry, TopicSpec } from '@onestop/contracts';
import { Kafka, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { DeadLetterPublisher } from '../lib/dead-letters/dead-letter-publisher';
import { EventHandler } from '../lib/inbox/event-handler';
import { ConsumerObserver, HandlerContext, InboxConsumer, InboxConsumerOptions } from '../lib/inbox/inbox-consumer';
import { createIdempotentProducer, createKafka } from '../lib/kafka/kafka-client';
import { ensureTopics } from '../lib/kafka/topic-provisioner';
import { DEFAULT_RELAY_OPTIONS, OutboxRelay } from '../lib/outbox/outbox-relay';

export interface ConsumerSide {
  kafka: Kafka;
  producer: Producer;
  consumer: InboxConsumer;
  stop(): Promise<void>;
}

export interface BackboneUnderTest extends ConsumerSide {
  relay: OutboxRelay;
}

interface BackboneParams {
  brokers: string[];
  databaseUrl: string;
  dataSource: DataSource;
  registry: EventRegistry;
  topic: TopicSpec;
  handlerType: string;
  handler: EventHandler;
  consumer?: Partial<InboxConsumerOptions>;
  observer?: ConsumerObserver;
  context?: HandlerContext;
}

export const consumerGroupOf = (topic: string) => `${topic}.consumer`;

/** The consuming service's side: an inbox consumer (and its dead-letter producer) on the topic. */
export async function startConsumerSide(params: BackboneParams): Promise<ConsumerSide> {
  const groupId = consumerGroupOf(params.topic.name);
  const kafka = createKafka({ brokers: params.brokers, clientId: 'backbone-test' });
  await ensureTopics(kafka, [params.topic, deadLetterTopicSpec(groupId)]);
  const producer = createIdempotentProducer(kafka);
  await producer.connect();
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
    params.observer,
    params.context,
  );
  await consumer.start();
  return {
    kafka,
    producer,
    consumer,
    async stop() {
      await consumer.stop();
      await producer.disconnect();
    },
  };
}

/** The producing service's side: the outbox relay publishing with its own idempotent producer. */
export async function startRelaySide(
  brokers: string[],
  databaseUrl: string,
): Promise<{ relay: OutboxRelay; stop(): Promise<void> }> {
  const producer = createIdempotentProducer(createKafka({ brokers, clientId: 'backbone-relay' }));
  await producer.connect();
  const relay = new OutboxRelay({ connectionString: databaseUrl }, producer, {
    ...DEFAULT_RELAY_OPTIONS,
    retryMaxMs: 1_000,
  });
  relay.start();
  return {
    relay,
    async stop() {
      await relay.stop();
      await producer.disconnect();
    },
  };
}

/** Wires outbox relay → Kafka → inbox consumer exactly as two services do, in one process. */
export async function startBackbone(params: BackboneParams): Promise<BackboneUnderTest> {
  const consumerSide = await startConsumerSide(params);
  const relaySide = await startRelaySide(params.brokers, params.databaseUrl);
  return {
    ...consumerSide,
    relay: relaySide.relay,
    async stop() {
      await consumerSide.stop();
      await relaySide.stop();
    },
  };
}
