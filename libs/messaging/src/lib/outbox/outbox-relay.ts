import { Logger } from '@nestjs/common';
import { Producer } from 'kafkajs';
import { Client, ClientConfig } from 'pg';
import { backoffDelay } from '../backoff';
import { WakeableSleep } from '../wakeable-sleep';
import { OUTBOX_CHANNEL } from './outbox-channel';

export interface OutboxRelayOptions {
  /** Rows sent per Kafka request; large enough for throughput, small enough for a quick retry. */
  batchSize: number;
  /** Polling fallback for a missed notification (e.g. the listening connection was re-established). */
  pollIntervalMs: number;
  /** How often a standby replica tries to take over the relay. */
  standbyRetryMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
}

export const DEFAULT_RELAY_OPTIONS: OutboxRelayOptions = {
  batchSize: 500,
  pollIntervalMs: 1000,
  standbyRetryMs: 2000,
  retryBaseMs: 200,
  retryMaxMs: 5000,
};

export interface RelayObserver {
  published(count: number): void;
  failed(error: unknown): void;
}

interface OutboxRow {
  position: string;
  event_id: string;
  topic: string;
  message_key: string;
  envelope: string;
  event_type: string;
  correlation_id: string;
}

const RELAY_LOCK = `hashtext('${OUTBOX_CHANNEL}.relay')`;

/**
 * Publishes committed outbox rows to Kafka in position order, then deletes them.
 *
 * One replica at a time is the relay: it holds a session advisory lock on its own connection, so
 * two replicas never interleave batches and break per-key order. A crash between publishing and
 * deleting republishes those rows; consumers drop the repeats through their inbox. While Kafka is
 * unreachable rows simply wait in the table and the relay retries with backoff.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private client: Client | null = null;
  private leader = false;
  private readonly pause = new WakeableSleep();
  private running: Promise<void> | null = null;
  private stopping = false;

  constructor(
    private readonly connection: ClientConfig,
    private readonly producer: Producer,
    private readonly options: OutboxRelayOptions = DEFAULT_RELAY_OPTIONS,
    private readonly observer?: RelayObserver,
  ) {}

  get isLeader(): boolean {
    return this.leader;
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.pause.wake();
    await this.running;
    this.running = null;
    await this.disconnect();
  }

  /** Rows not yet published; the gauge operators watch while Kafka is down. */
  async backlog(): Promise<number> {
    const client = new Client(this.connection);
    await client.connect();
    try {
      const result = await client.query<{ count: string }>('SELECT count(*) FROM messaging_outbox');
      return Number(result.rows[0].count);
    } finally {
      await client.end();
    }
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      try {
        if (!(await this.ensureLeadership())) {
          // A standby has no rows to look at: inserts must not turn its wait into a busy loop.
          this.pause.takeSignal();
          await this.idle(this.options.standbyRetryMs);
          continue;
        }
        const published = await this.publishNextBatch();
        if (failures > 0) this.logger.log(`outbox relay recovered after ${failures} failed attempt(s)`);
        failures = 0;
        if (published < this.options.batchSize) await this.idle(this.options.pollIntervalMs);
      } catch (error) {
        failures += 1;
        this.observer?.failed(error);
        this.logger.warn(`outbox relay attempt ${failures} failed: ${(error as Error).message}`);
        if (!this.client || this.isConnectionError(error)) await this.disconnect();
        await this.idle(backoffDelay(failures, this.options.retryBaseMs, this.options.retryMaxMs));
      }
    }
  }

  private async ensureLeadership(): Promise<boolean> {
    if (!this.client) await this.connect();
    if (this.leader) return true;
    const result = await this.client!.query<{ acquired: boolean }>(
      `SELECT pg_try_advisory_lock(${RELAY_LOCK}) AS acquired`,
    );
    this.leader = result.rows[0].acquired;
    if (this.leader) this.logger.log('this replica now relays the outbox');
    return this.leader;
  }

  private async publishNextBatch(): Promise<number> {
    this.pause.takeSignal();
    const { rows } = await this.client!.query<OutboxRow>(
      `SELECT position, event_id, topic, message_key, event_type, correlation_id, envelope::text AS envelope
         FROM messaging_outbox ORDER BY position LIMIT $1`,
      [this.options.batchSize],
    );
    if (rows.length === 0) return 0;
    await this.producer.sendBatch({ topicMessages: toTopicMessages(rows), acks: -1 });
    await this.client!.query('DELETE FROM messaging_outbox WHERE position = ANY($1::bigint[])', [
      rows.map((row) => row.position),
    ]);
    this.observer?.published(rows.length);
    return rows.length;
  }

  /** Waits for an insert notification, the poll interval, or stop, whichever comes first. */
  private async idle(ms: number): Promise<void> {
    if (!this.stopping) await this.pause.sleep(ms);
  }

  private async connect(): Promise<void> {
    const client = new Client(this.connection);
    client.on('notification', () => this.pause.wake());
    // A broken connection also ends the advisory lock; the next loop reconnects and competes again.
    client.on('error', (error) => {
      this.logger.warn(`outbox relay connection lost: ${error.message}`);
      if (this.client === client) this.client = null;
      this.leader = false;
    });
    await client.connect();
    await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    this.client = client;
    this.leader = false;
    this.pause.wake();
  }

  private async disconnect(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.leader = false;
    await client?.end().catch(() => undefined);
  }

  private isConnectionError(error: unknown): boolean {
    const code = (error as { code?: string }).code ?? '';
    return code.startsWith('08') || code === 'ECONNREFUSED' || code === 'ECONNRESET' || code === '57P01';
  }
}

function toTopicMessages(rows: OutboxRow[]) {
  const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
  for (const row of rows) {
    const messages = byTopic.get(row.topic) ?? [];
    messages.push({
      key: row.message_key,
      value: row.envelope,
      headers: { 'event-id': row.event_id, 'event-type': row.event_type, 'correlation-id': row.correlation_id },
    });
    byTopic.set(row.topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
