import { EventEnvelope, EventRegistry } from '@onestop/contracts';
import { EntityManager } from 'typeorm';
import { installOutboxWakeup, markOutboxWritten } from './outbox-wakeup';

/**
 * Appends events to the outbox inside the caller's transaction, so the state change and its
 * events commit or roll back together. Each event is validated first: an invalid event never
 * reaches Kafka, and the caller's transaction fails with the field that was wrong.
 */
export class OutboxWriter {
  constructor(private readonly registry: EventRegistry) {}

  async append(manager: EntityManager, events: readonly EventEnvelope[]): Promise<void> {
    if (events.length === 0) return;
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('OutboxWriter.append must run inside the transaction that changes the state');
    }
    installOutboxWakeup(manager.connection);
    markOutboxWritten(manager.queryRunner.data);
    const values: unknown[] = [];
    const rows = events.map((candidate, index) => {
      const event = this.registry.parse(candidate);
      const topic = this.registry.find(event.type, event.version)!.topic;
      values.push(event.id, topic, event.subject, event.type, event.correlationId, JSON.stringify(event));
      const n = index * 6;
      return `($${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5}, $${n + 6})`;
    });
    await manager.query(
      `INSERT INTO messaging_outbox (event_id, topic, message_key, event_type, correlation_id, envelope) VALUES ${rows.join(', ')}`,
      values,
    );
  }
}
