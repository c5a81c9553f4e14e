import { Logger } from '@nestjs/common';
import { DataSource, EntitySubscriberInterface, TransactionCommitEvent } from 'typeorm';
import { OUTBOX_CHANNEL } from './outbox-channel';

const WROTE_OUTBOX = 'onestop.wroteOutbox';
const installed = new WeakSet<DataSource>();

/** Notes on the transaction that it wrote outbox rows, so the relay is woken once it commits. */
export function markOutboxWritten(data: Record<string, unknown>): void {
  data[WROTE_OUTBOX] = true;
}

/** Commits within this window share one wake-up: the relay then sends them as one batch. */
const COALESCE_MS = 10;

/**
 * Wakes the outbox relay (LISTEN on OUTBOX_CHANNEL) after a transaction that wrote events commits.
 *
 * The NOTIFY is deliberately not sent inside the writing transaction: PostgreSQL serializes the
 * commits of all notifying transactions on one lock, which cut single-row commit throughput by
 * two thirds here. Sent after commit, one per short window, it costs the writers nothing.
 */
class OutboxWakeupSubscriber implements EntitySubscriberInterface {
  private readonly logger = new Logger('OutboxWakeup');
  private scheduled = false;

  constructor(private readonly dataSource: DataSource) {}

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const data = event.queryRunner.data as Record<string, unknown>;
    if (!data[WROTE_OUTBOX]) return;
    delete data[WROTE_OUTBOX];
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => void this.wake(), COALESCE_MS).unref();
  }

  private async wake(): Promise<void> {
    this.scheduled = false;
    try {
      await this.dataSource.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`);
    } catch (error) {
      // The relay also polls; a lost wake-up only delays publishing by the poll interval.
      this.logger.warn(`outbox wake-up not sent: ${(error as Error).message}`);
    }
  }
}

export function installOutboxWakeup(dataSource: DataSource): void {
  if (installed.has(dataSource)) return;
  installed.add(dataSource);
  dataSource.subscribers.push(new OutboxWakeupSubscriber(dataSource));
}
