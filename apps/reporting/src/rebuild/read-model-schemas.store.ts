import { Client } from 'pg';

/** Where the replay writes, beside the live read model in the same database. */
export const REBUILD_SCHEMA = 'reporting_rebuild';

/** A partition on which the replay has not yet applied the live consumer's last offset. */
export interface PartitionBehind {
  topic: string;
  partition: number;
  /** The live consumer's last offset (bigint, as text). */
  live: string;
  /** The replay's last offset, or null before its first event there. */
  replayed: string | null;
}

/** The live and rebuilt read model schemas, seen from one connection to the live database. */
export class ReadModelSchemasStore {
  constructor(private readonly live: Client) {}

  /** An empty rebuild schema, whatever an earlier, unfinished rebuild left in it. */
  async recreateRebuildSchema(): Promise<void> {
    await this.live.query(`DROP SCHEMA IF EXISTS ${REBUILD_SCHEMA} CASCADE`);
    await this.live.query(`CREATE SCHEMA ${REBUILD_SCHEMA}`);
  }

  /**
   * Runs `work` in one transaction that first locks the live inbox, so the live consumer's next
   * batch waits on its first statement until the transaction ends. Any failure rolls it all back.
   */
  async switchInOneTransaction<T>(work: () => Promise<T>): Promise<T> {
    await this.live.query('BEGIN');
    try {
      await this.live.query('LOCK TABLE public.messaging_inbox IN EXCLUSIVE MODE');
      const result = await work();
      await this.live.query('COMMIT');
      return result;
    } catch (error) {
      await this.live.query('ROLLBACK');
      throw error;
    }
  }

  /** The partitions on which the replay has not yet applied an offset as far as the live consumer's last one. */
  async replayBehind(liveGroup: string, replayGroup: string): Promise<PartitionBehind[]> {
    const { rows } = await this.live.query<PartitionBehind>(
      `SELECT l.topic, l.partition, l.position AS live, r.position AS replayed
         FROM (SELECT topic, partition, max("offset") AS position FROM public.messaging_inbox WHERE consumer_group = $1 GROUP BY 1, 2) AS l
         LEFT JOIN (SELECT topic, partition, max("offset") AS position FROM ${REBUILD_SCHEMA}.messaging_inbox WHERE consumer_group = $2 GROUP BY 1, 2) AS r
              USING (topic, partition)
        WHERE r.position IS NULL OR r.position < l.position`,
      [liveGroup, replayGroup],
    );
    return rows;
  }

  /** Files the replayed inbox under the live group, so the live consumer skips what the replay applied. Returns the events it holds. */
  async takeOverInbox(liveGroup: string, replayGroup: string): Promise<number> {
    const { rowCount } = await this.live.query(
      `UPDATE ${REBUILD_SCHEMA}.messaging_inbox SET consumer_group = $1 WHERE consumer_group = $2`,
      [liveGroup, replayGroup],
    );
    return rowCount ?? 0;
  }

  /** Moves the live read model aside to `previous` and puts the rebuilt one in its place. */
  async swapSchemas(previous: string): Promise<void> {
    await this.live.query(`ALTER SCHEMA public RENAME TO ${previous}`);
    await this.live.query(`ALTER SCHEMA ${REBUILD_SCHEMA} RENAME TO public`);
  }
}
