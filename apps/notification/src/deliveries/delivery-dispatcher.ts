import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { OutboxWriter, PollingLoop } from '@onestop/messaging';
import { Clock, maskPersonalText } from '@onestop/platform';
import { DataSource } from 'typeorm';
import { OutgoingMessage, SendOutcome } from '../channels/channel-adapter';
import { ChannelRegistry } from '../channels/channel-registry';
import { NotificationEnv } from '../notification.env';
import { NotificationKind } from '../domain/notification-kinds';
import { settle, Settlement } from './delivery-state';
import { undeliverableEvent } from './undeliverable';

/** A claimed delivery: what sending needs. */
interface Claimed {
  id: string;
  eventId: string;
  recipient: string;
  channel: string;
  kind: NotificationKind;
  critical: boolean;
  address: string;
  subject: string | null;
  body: string;
  data: Record<string, string>;
  dossierId: string | null;
  dossierCode: string | null;
  attempts: number;
  giveUpAt: Date;
}

/** Deliveries claimed per round; they are sent in parallel up to CONCURRENCY. */
const BATCH = 200;
const CONCURRENCY = 64;
/** Retries fall due without a wake-up; they are looked for this often. */
const POLL_MS = 500;

/**
 * Sends due deliveries: new ones, retries whose time has come, and those a crashed replica left
 * half-sent once their lease ran out. Rows are claimed with SKIP LOCKED, so replicas share the work
 * without sending one twice; each outcome is written back with the state it leads to.
 */
@Injectable()
export class DeliveryDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryDispatcher.name);
  private readonly loop = new PollingLoop({
    round: async () => {
      const claimed = await this.claim();
      if (claimed.length > 0) await this.sendAll(claimed);
      return claimed.length > 0;
    },
    pollMs: POLL_MS,
    onError: (error) => this.logger.warn(`delivery round failed, trying again shortly: ${error.message}`),
  });

  constructor(
    private readonly dataSource: DataSource,
    private readonly channels: ChannelRegistry,
    private readonly outbox: OutboxWriter,
    private readonly env: NotificationEnv,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  /** New deliveries were committed: look now rather than at the next poll. */
  wake(): void {
    this.loop.wake();
  }

  private async claim(): Promise<Claimed[]> {
    const now = this.clock.now();
    const [rows]: [Claimed[], number] = await this.dataSource.query(
      `UPDATE deliveries d SET state = 'sending', lease_until = $2, sending_at = COALESCE(d.sending_at, $1), updated_at = $1
         FROM (SELECT id FROM deliveries
                WHERE (state IN ('created', 'temporary-failure') AND next_attempt_at <= $1)
                   OR (state = 'sending' AND provider_reference IS NULL AND lease_until < $1)
                ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED) due
        WHERE d.id = due.id
        RETURNING d.id, d.event_id AS "eventId", d.recipient, d.channel, d.kind, d.critical, d.address, d.subject, d.body, d.data,
                  d.dossier_id AS "dossierId", d.dossier_code AS "dossierCode", d.attempts, d.give_up_at AS "giveUpAt"`,
      [now, new Date(now.getTime() + this.env.DELIVERY_LEASE_MS), BATCH],
    );
    return rows;
  }

  private async sendAll(claimed: Claimed[]): Promise<void> {
    const outcomes = new Array<SendOutcome>(claimed.length);
    let next = 0;
    const worker = async () => {
      while (next < claimed.length) {
        const index = next++;
        outcomes[index] = await this.sendOne(claimed[index]);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, claimed.length) }, worker));
    await this.record(claimed, outcomes);
  }

  private async sendOne(delivery: Claimed): Promise<SendOutcome> {
    const adapter = this.channels.adapter(delivery.channel);
    if (!adapter) return { kind: 'temporary-failure', reason: `the ${delivery.channel} channel is not configured on this replica` };
    const message: OutgoingMessage = {
      deliveryId: delivery.id,
      kind: delivery.kind,
      recipient: delivery.recipient,
      to: delivery.address,
      subject: delivery.subject,
      body: delivery.body,
      data: delivery.data,
      dossierCode: delivery.dossierCode,
      idempotencyKey: delivery.id,
    };
    try {
      return await adapter.send(message);
    } catch (error) {
      return { kind: 'temporary-failure', reason: `${delivery.channel} adapter error: ${(error as Error).message}` };
    }
  }

  /** Writes every outcome of the round in one statement, with a dead letter for each given up. */
  private async record(claimed: Claimed[], outcomes: SendOutcome[]): Promise<void> {
    const now = this.clock.now();
    const retry = { baseMs: this.env.DELIVERY_RETRY_BASE_MS, maxMs: this.env.DELIVERY_RETRY_MAX_MS };
    const settled = claimed.map((delivery, index) => settle(delivery, outcomes[index], now, retry));
    claimed.forEach((delivery, index) => this.log(delivery, settled[index]));
    const column = <K extends keyof Settlement>(key: K) => settled.map((settlement) => settlement[key]);
    await this.dataSource.transaction(async (tx) => {
      await tx.query(
        `UPDATE deliveries d SET state = s.state, attempts = s.attempts, next_attempt_at = s.next_attempt_at, lease_until = NULL,
                provider = COALESCE(s.provider, d.provider), provider_reference = COALESCE(s.provider_reference, d.provider_reference),
                last_error = COALESCE(s.last_error, d.last_error), delivered_at = s.delivered_at, failed_at = s.failed_at, updated_at = $2
           FROM unnest($1::uuid[], $3::text[], $4::int[], $5::timestamptz[], $6::text[], $7::text[], $8::text[], $9::timestamptz[], $10::timestamptz[])
             AS s(id, state, attempts, next_attempt_at, provider, provider_reference, last_error, delivered_at, failed_at)
          WHERE d.id = s.id`,
        [
          claimed.map((delivery) => delivery.id),
          now,
          column('state'),
          column('attempts'),
          column('nextAttemptAt'),
          column('provider'),
          column('providerReference'),
          column('lastError'),
          column('deliveredAt'),
          column('failedAt'),
        ],
      );
      const deadLetters = claimed.flatMap((delivery, index) => (settled[index].undeliverable ? [this.deadLetter(delivery, settled[index], now)] : []));
      if (deadLetters.length > 0) await this.outbox.append(tx, deadLetters);
    });
  }

  private deadLetter(delivery: Claimed, settlement: Settlement, now: Date) {
    const state = settlement.state as 'permanent-failure' | 'technical-failure';
    return undeliverableEvent(delivery, { state, reason: settlement.lastError ?? '', attempts: settlement.attempts }, now);
  }

  /** Addresses masked, bodies never logged. */
  private log(delivery: Claimed, settlement: Settlement): void {
    const what = `${delivery.kind} ${delivery.channel} delivery ${delivery.id} to ${maskPersonalText(delivery.address)}`;
    if (settlement.state === 'delivered' || settlement.state === 'sending') this.logger.debug(`${what}: ${settlement.state}`);
    else if (settlement.undeliverable) this.logger.error(`${what}: ${settlement.state}: ${maskPersonalText(settlement.lastError ?? '')}`);
    else if (settlement.lastError) this.logger.warn(`${what}: attempt ${settlement.attempts} failed, retry at ${settlement.nextAttemptAt.toISOString()}: ${maskPersonalText(settlement.lastError)}`);
  }
}
