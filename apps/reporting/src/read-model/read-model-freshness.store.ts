import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * How fresh the read model is: the time of the latest event projected, kept in a few rows so an
 * answer can say "data as of" without looking at the facts.
 */
@Injectable()
export class ReadModelFreshnessStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The time of the latest event the read model has projected; null before any. */
  async dataAsOf(): Promise<Date | null> {
    const rows: Array<{ at: Date | null }> = await this.dataSource.query(
      'SELECT max(last_event_at) AS at FROM read_model_freshness',
    );
    return rows[0]?.at ?? null;
  }

  /** Moves this connection's mark to `latest`, never back: events of several topics arrive out of time order. */
  async advance(tx: EntityManager, latest: Date): Promise<void> {
    await tx.query(
      `INSERT INTO read_model_freshness (connection, last_event_at) VALUES (pg_backend_pid(), $1)
       ON CONFLICT (connection) DO UPDATE SET last_event_at = GREATEST(read_model_freshness.last_event_at, EXCLUDED.last_event_at)`,
      [latest],
    );
  }
}
