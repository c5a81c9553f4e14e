import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { deadLetterTopicSpec, EVENT_TOPIC_SPECS, EventRegistry, ServiceName } from '@onestop/contracts';
import { MetricsRegistry, PlatformEnv } from '@onestop/platform';
import { Kafka, Producer } from 'kafkajs';
import { ClsService } from 'nestjs-cls';
import { DataSource } from 'typeorm';
import { backoffDelay, sleep } from './backoff';
import { DeadLetterPublisher } from './dead-letters/dead-letter-publisher';
import { BatchParticipant, takesPartInBatches } from './inbox/batch-participant';
import { EventHandler } from './inbox/event-handler';
import { correlationContext } from './inbox/correlation-context';
import { InboxConsumer } from './inbox/inbox-consumer';
import { waitForCatchUp } from './kafka/consumer-catch-up';
import { commitLatestPositions } from './kafka/consumer-position';
import { ensureTopics } from './kafka/topic-provisioner';
import { messagingObservers } from './messaging.metrics';
import { DEFAULT_RELAY_OPTIONS, OutboxRelay } from './outbox/outbox-relay';
import { EventTransport } from './transport/event-transport';

export const MESSAGING_SERVICE = Symbol('MESSAGING_SERVICE');
export const KAFKA_PRODUCER = Symbol('KAFKA_PRODUCER');

/**
 * Starts the service's side of the backbone once the application is up: topics, the outbox
 * relay, and the consumer group for the events its handlers take. Kafka being away at boot does
 * not stop the service: it keeps trying in the background and readiness says Kafka is down.
 */
@Injectable()
export class MessagingRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MessagingRuntime.name);
  private relay: OutboxRelay | null = null;
  private consumer: InboxConsumer | null = null;
  private started: Promise<void> | null = null;
  private stopping = false;
  private consumedTopics: string[] = [];

  constructor(
    @Inject(MESSAGING_SERVICE) private readonly service: ServiceName,
    private readonly kafka: Kafka,
    @Inject(KAFKA_PRODUCER) private readonly producer: Producer,
    private readonly registry: EventRegistry,
    private readonly dataSource: DataSource,
    private readonly discovery: DiscoveryService,
    private readonly env: PlatformEnv,
    private readonly metrics: MetricsRegistry,
    private readonly cls: ClsService,
    private readonly transport: EventTransport,
  ) {}

  /** Resolves when topics exist, the relay runs and the consumer has joined its group. */
  whenStarted(): Promise<void> {
    return this.started ?? Promise.reject(new Error('messaging has not been started'));
  }

  /**
   * Resolves once this service's consumer has processed what `topic` held when asked: state kept
   * from the topic's events is then as current as the topic was (a deadline scan needs that after
   * a restart, so it does not fire for a dossier whose end is still waiting in the topic).
   */
  async whenCaughtUp(topic: string): Promise<void> {
    await this.whenStarted();
    await waitForCatchUp(this.kafka, this.env.KAFKA_GROUP_ID ?? this.service, topic, {
      pollMs: 500,
      stopped: () => this.stopping,
    });
  }

  /** Resolves once the consumer has processed what each of its topics held when asked. */
  async whenCaughtUpOnAll(): Promise<void> {
    await this.whenStarted();
    for (const topic of this.consumedTopics) await this.whenCaughtUp(topic);
  }

  onApplicationBootstrap(): void {
    this.started = this.startWithRetry();
    this.started.catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.consumer?.stop().catch((error) => this.logger.warn(`consumer stop: ${error.message}`));
    await this.relay?.stop();
    await this.producer.disconnect().catch(() => undefined);
  }

  private async startWithRetry(): Promise<void> {
    for (let attempt = 1; !this.stopping; attempt++) {
      try {
        await this.start();
        return;
      } catch (error) {
        this.logger.warn(`messaging start attempt ${attempt} failed: ${(error as Error).message}`);
        await this.consumer?.stop().catch(() => undefined);
        this.consumer = null;
        await sleep(backoffDelay(attempt, 500, 10_000));
      }
    }
  }

  private async start(): Promise<void> {
    const group = this.env.KAFKA_GROUP_ID ?? this.service;
    await ensureTopics(
      this.kafka,
      [...EVENT_TOPIC_SPECS, deadLetterTopicSpec(group)],
      this.env.KAFKA_REPLICATION_FACTOR,
    );
    await this.producer.connect();
    // A shutdown during the awaits above has already stopped what existed then: start nothing more.
    if (this.stopping) return void (await this.producer.disconnect().catch(() => undefined));
    const observers = messagingObservers(this.metrics, group);
    this.relay ??= new OutboxRelay(
      { connectionString: this.env.DATABASE_URL },
      this.producer,
      DEFAULT_RELAY_OPTIONS,
      observers.relay,
    );
    this.relay.start();
    const handlers = this.discoverHandlers();
    if (handlers.size === 0) return;
    const topics = [
      ...new Set([...handlers.keys()].map((type) => this.registry.all().find((d) => d.type === type)!.topic)),
    ];
    this.consumedTopics = topics;
    if (this.env.KAFKA_CONSUMER_START === 'latest') await commitLatestPositions(this.kafka, group, topics);
    if (this.stopping) return;
    this.consumer = new InboxConsumer(
      this.kafka,
      this.dataSource,
      this.registry,
      handlers,
      new DeadLetterPublisher(this.producer, group),
      {
        groupId: group,
        topics,
        maxAttempts: this.env.EVENT_MAX_ATTEMPTS,
        retryBaseMs: 200,
        retryMaxMs: 5_000,
        partitionsConsumedConcurrently: 3,
        fromBeginning: this.env.KAFKA_CONSUMER_START === 'earliest',
      },
      observers.consumer,
      correlationContext(this.cls),
      this.discoverBatchParticipants(),
    );
    await this.consumer.start();
  }

  private discoverBatchParticipants(): BatchParticipant[] {
    return this.discovery
      .getProviders()
      .filter((wrapper) => wrapper.metatype && wrapper.instance && takesPartInBatches(wrapper.metatype))
      .map((wrapper) => wrapper.instance as BatchParticipant);
  }

  /** The service's `@EventPattern` methods, as Nest registered them with its transport. */
  private discoverHandlers(): Map<string, EventHandler> {
    return this.transport.eventHandlers();
  }
}
