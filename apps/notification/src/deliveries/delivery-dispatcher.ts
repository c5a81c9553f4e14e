import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { OutboxWriter, PollingLoop } from '@onestop/messaging';
import { Clock, maskPersonalText } from '@onestop/platform';
import { DataSource } from 'typeorm';
import { OutgoingMessage, SendOutcome } from '../channels/channel-adapter';
import { ChannelRegistry } from '../channels/channel-registry';
import { NotificationEnv } from '../notification.env';
import { ClaimedDelivery, DeliveryQueueStore } from './delivery-queue.store';
import { settle, Settlement } from './delivery-state';
import { undeliverableEvent } from './undeliverable';

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
    private readonly queue: DeliveryQueueStore,
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

  private claim(): Promise<ClaimedDelivery[]> {
    const now = this.clock.now();
    return this.queue.claimDue(now, new Date(now.getTime() + this.env.DELIVERY_LEASE_MS), BATCH);
  }

  private async sendAll(claimed: ClaimedDelivery[]): Promise<void> {
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

  private async sendOne(delivery: ClaimedDelivery): Promise<SendOutcome> {
    const adapter = this.channels.adapter(delivery.channel);
    if (!adapter)
      return { kind: 'temporary-failure', reason: `the ${delivery.channel} channel is not configured on this replica` };
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
  private async record(claimed: ClaimedDelivery[], outcomes: SendOutcome[]): Promise<void> {
    const now = this.clock.now();
    const retry = { baseMs: this.env.DELIVERY_RETRY_BASE_MS, maxMs: this.env.DELIVERY_RETRY_MAX_MS };
    const settled = claimed.map((delivery, index) => settle(delivery, outcomes[index], now, retry));
    claimed.forEach((delivery, index) => this.log(delivery, settled[index]));
    await this.dataSource.transaction(async (tx) => {
      await this.queue.settle(
        tx,
        claimed.map((delivery) => delivery.id),
        settled,
        now,
      );
      const deadLetters = claimed.flatMap((delivery, index) =>
        settled[index].undeliverable ? [this.deadLetter(delivery, settled[index], now)] : [],
      );
      if (deadLetters.length > 0) await this.outbox.append(tx, deadLetters);
    });
  }

  private deadLetter(delivery: ClaimedDelivery, settlement: Settlement, now: Date) {
    const state = settlement.state as 'permanent-failure' | 'technical-failure';
    return undeliverableEvent(
      delivery,
      { state, reason: settlement.lastError ?? '', attempts: settlement.attempts },
      now,
    );
  }

  /** Addresses masked, bodies never logged. */
  private log(delivery: ClaimedDelivery, settlement: Settlement): void {
    const what = `${delivery.kind} ${delivery.channel} delivery ${delivery.id} to ${maskPersonalText(delivery.address)}`;
    if (settlement.state === 'delivered' || settlement.state === 'sending')
      this.logger.debug(`${what}: ${settlement.state}`);
    else if (settlement.undeliverable)
      this.logger.error(`${what}: ${settlement.state}: ${maskPersonalText(settlement.lastError ?? '')}`);
    else if (settlement.lastError)
      this.logger.warn(
        `${what}: attempt ${settlement.attempts} failed, retry at ${settlement.nextAttemptAt.toISOString()}: ${maskPersonalText(settlement.lastError)}`,
      );
  }
}
