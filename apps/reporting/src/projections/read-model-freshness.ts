import { Injectable } from '@nestjs/common';
import { EventEnvelope } from '@onestop/contracts';
import { BatchParticipant, TakesPartInBatches } from '@onestop/messaging';
import { EntityManager } from 'typeorm';

/**
 * How fresh the read model is: the time of the latest event projected, kept in a few rows so an
 * answer can say "data as of" without looking at the facts. Written once per batch, in the batch's
 * transaction, so it never runs ahead of what was committed; each database connection has its own
 * row, so partitions projected at once do not queue (or deadlock) on a shared one.
 */
@Injectable()
@TakesPartInBatches()
export class ReadModelFreshness implements BatchParticipant {
  private readonly latest = new WeakMap<EntityManager, Date>();

  async beforeBatch(events: readonly EventEnvelope[], tx: EntityManager): Promise<void> {
    const times = events.map((event) => Date.parse(event.occurredAt)).filter((time) => !Number.isNaN(time));
    if (times.length > 0) this.latest.set(tx, new Date(Math.max(...times)));
  }

  async afterBatch(tx: EntityManager): Promise<void> {
    const latest = this.latest.get(tx);
    this.latest.delete(tx);
    if (!latest) return;
    // Events of several topics arrive out of time order: the mark only moves forward.
    await tx.query(
      `INSERT INTO read_model_freshness (connection, last_event_at) VALUES (pg_backend_pid(), $1)
       ON CONFLICT (connection) DO UPDATE SET last_event_at = GREATEST(read_model_freshness.last_event_at, EXCLUDED.last_event_at)`,
      [latest],
    );
  }
}

/** The time of the latest event the read model has projected; null before any. */
export async function dataAsOf(db: Pick<EntityManager, 'query'>): Promise<Date | null> {
  const rows: Array<{ at: Date | null }> = await db.query('SELECT max(last_event_at) AS at FROM read_model_freshness');
  return rows[0]?.at ?? null;
}
