import { Logger } from '@nestjs/common';
import { EVENT_TOPIC_SPECS, EventEnvelope, EventRegistry } from '@onestop/contracts';
import { Consumer, EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { DataSource, EntityManager } from 'typeorm';
import { backoffDelay, sleep } from '../backoff';
import { DeadLetterPublisher } from '../dead-letters/dead-letter-publisher';
import { BatchParticipant } from './batch-participant';
import { EventHandler } from './event-handler';
import { classifyFailure } from './failure-kind';

export interface InboxConsumerOptions {
  groupId: string;
  topics: string[];
  /** Attempts for one event before it goes to the dead letters (the first try included). */
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  partitionsConsumedConcurrently: number;
  /** Where a new group starts: true replays every event kept on the topic. */
  fromBeginning: boolean;
}

export interface ConsumerObserver {
  applied(count: number): void;
  duplicates(count: number): void;
  deadLettered(event: { topic: string; type: string; error: string }): void;
}

/**
 * Lets the caller run handlers inside a context of its own (correlation id, logging): `batch`
 * wraps the handlers of one batch, `entering` names the event whose handler runs next.
 */
export interface HandlerContext {
  batch<T>(work: () => Promise<T>): Promise<T>;
  entering(event: EventEnvelope): void;
}

interface Delivery {
  topic: string;
  partition: number;
  message: KafkaMessage;
  /** The validated event, when this consumer has a handler for its type and it is valid. */
  event?: EventEnvelope;
  /** Why the message can never be applied (unparseable, or fails its schema). */
  invalid?: string;
  /** The type the message claims, for logs and metrics even when it is invalid. */
  claimedType?: string;
}

const noContext: HandlerContext = { batch: (work) => work(), entering: () => undefined };

/**
 * A backlog (a replay, a consumer catching up) arrives in batches of a few thousand events, so
 * that a batch's fixed costs (its transaction, a projection's reads and writes) are shared by many
 * events; under normal load a fetch returns whatever little is there at once. A fetch holds a
 * batch of every partition of a topic, so the concurrent workers stay busy until the fetch is done:
 * kafkajs fetches again only then.
 */
const FETCH_BYTES_PER_PARTITION = 4 * 1024 * 1024;
const FETCH_BYTES = Math.max(...EVENT_TOPIC_SPECS.map((topic) => topic.partitions)) * FETCH_BYTES_PER_PARTITION;

/**
 * Consumes events with an inbox: the event id is recorded in the same transaction as the effect,
 * so a redelivery is recognised and has no second effect.
 *
 * A batch is applied in one transaction (fast); if that fails, its events are applied one by one
 * with bounded retries, and an event that still fails goes to the dead-letter topic while the rest
 * of the partition keeps flowing. Database outages are not blamed on events: they stop the batch
 * and Kafka redelivers it once the consumer restarts.
 */
export class InboxConsumer {
  private readonly logger = new Logger(InboxConsumer.name);
  private consumer: Consumer | null = null;
  /** Once stopped, a consumer never comes back: not from a start still under way, nor from kafkajs's restart after a crash. */
  private stopped = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly dataSource: DataSource,
    private readonly registry: EventRegistry,
    private readonly handlers: ReadonlyMap<string, EventHandler>,
    private readonly deadLetters: DeadLetterPublisher,
    private readonly options: InboxConsumerOptions,
    private readonly observer?: ConsumerObserver,
    private readonly context: HandlerContext = noContext,
    private readonly participants: readonly BatchParticipant[] = [],
  ) {}

  async start(): Promise<void> {
    const consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
      retry: { retries: 10, initialRetryTime: 300, maxRetryTime: 10_000, restartOnFailure: async () => !this.stopped },
      maxBytesPerPartition: FETCH_BYTES_PER_PARTITION,
      maxBytes: FETCH_BYTES,
    });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: this.options.topics, fromBeginning: this.options.fromBeginning });
    // A stop that came while connecting may have found nothing to disconnect yet: running now would rejoin the group.
    if (this.stopped) return void (await consumer.disconnect());
    await consumer.run({
      autoCommit: true,
      // Offsets are committed at most once a second: a redelivery after a crash is absorbed by the
      // inbox, while committing after every batch costs a broker round trip each time.
      autoCommitInterval: 1_000,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently,
      eachBatch: (payload) => this.consumeBatch(payload),
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.consumer?.disconnect();
    this.consumer = null;
  }

  private async consumeBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
    const deliveries = batch.messages.map((message) => this.decode(batch.topic, batch.partition, message));
    const applicable = deliveries.filter((d) => d.event);

    const appliedTogether = applicable.length > 0 && (await this.tryApplyTogether(applicable));
    for (const delivery of deliveries) {
      if (!isRunning() || isStale()) return;
      if (delivery.invalid) await this.deadLetter(delivery, delivery.invalid, 1);
      else if (delivery.event && !appliedTogether) await this.applyAlone(delivery, heartbeat);
      resolveOffset(delivery.message.offset);
      // One by one, a large batch can outlast the session: kafkajs sends at most one heartbeat per interval.
      if (!appliedTogether) await heartbeat();
    }
    await commitOffsetsIfNecessary();
    await heartbeat();
  }

  private decode(topic: string, partition: number, message: KafkaMessage): Delivery {
    const delivery: Delivery = { topic, partition, message };
    let candidate: unknown;
    try {
      candidate = JSON.parse(message.value?.toString('utf8') ?? '');
    } catch {
      return { ...delivery, invalid: 'the message is not JSON' };
    }
    const type = (candidate as { type?: unknown })?.type;
    if (typeof type !== 'string' || !this.handlers.has(type)) return delivery;
    const result = this.registry.validate(candidate);
    return result.ok
      ? { ...delivery, event: result.event }
      : { ...delivery, invalid: result.error.message, claimedType: type };
  }

  /** The fast path: the whole batch in one transaction. False means "go one by one". */
  private async tryApplyTogether(deliveries: Delivery[]): Promise<boolean> {
    try {
      await this.applyInTransaction(deliveries);
      return true;
    } catch (error) {
      if (classifyFailure(error) === 'infrastructure') throw error;
      return false;
    }
  }

  private async applyAlone(delivery: Delivery, heartbeat: () => Promise<void>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.applyInTransaction([delivery]);
        return;
      } catch (error) {
        const kind = classifyFailure(error);
        if (kind === 'infrastructure') throw error;
        if (kind === 'permanent' || attempt >= this.options.maxAttempts) {
          return this.deadLetter(delivery, (error as Error).message ?? String(error), attempt);
        }
        await sleep(backoffDelay(attempt, this.options.retryBaseMs, this.options.retryMaxMs));
        await heartbeat();
      }
    }
  }

  private async applyInTransaction(deliveries: Delivery[]): Promise<void> {
    const applied = await this.dataSource.transaction((tx) => this.apply(deliveries, tx));
    this.observer?.applied(applied);
    if (deliveries.length > applied) this.observer?.duplicates(deliveries.length - applied);
  }

  /** Records the events in the inbox and applies those not seen before, in offset order. */
  private async apply(deliveries: Delivery[], tx: EntityManager): Promise<number> {
    const unique = [...new Map(deliveries.map((d) => [d.event!.id, d])).values()];
    const inserted: { event_id: string }[] = await tx.query(
      `INSERT INTO messaging_inbox (consumer_group, event_id, topic, partition, "offset")
       SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::int[], $5::bigint[])
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [
        this.options.groupId,
        unique.map((d) => d.event!.id),
        unique.map((d) => d.topic),
        unique.map((d) => d.partition),
        unique.map((d) => d.message.offset),
      ],
    );
    const fresh = new Set(inserted.map((row) => row.event_id));
    const events = unique.map((delivery) => delivery.event!).filter((event) => fresh.has(event.id));
    if (events.length === 0) return 0;
    for (const participant of this.participants) await participant.beforeBatch(events, tx);
    await this.context.batch(async () => {
      for (const event of events) {
        this.context.entering(event);
        await this.handlers.get(event.type)!.handle(event, tx);
      }
    });
    for (const participant of this.participants) await participant.afterBatch(tx);
    return events.length;
  }

  private async deadLetter(delivery: Delivery, error: string, attempts: number): Promise<void> {
    const type = delivery.event?.type ?? delivery.claimedType ?? 'unknown';
    this.logger.error(
      `event ${type} at ${delivery.topic}[${delivery.partition}]@${delivery.message.offset} goes to dead letters after ${attempts} attempt(s): ${error}`,
    );
    await this.deadLetters.publish({ ...delivery, error, attempts, failedAt: new Date() });
    this.observer?.deadLettered({ topic: delivery.topic, type, error });
  }
}
