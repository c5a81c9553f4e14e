import { deadLetterTopicSpec } from '@onestop/contracts';
import { createKafka, kafkaSettings, MessagingRuntime } from '@onestop/messaging';
import { createServiceApp, dataSourceOptions, PlatformEnv } from '@onestop/platform';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { reportingSchema } from '../database/schema';
import { reportingService } from '../service';
import { REBUILD_SCHEMA, ReadModelSchemasStore } from './read-model-schemas.store';

export interface RebuildOutcome {
  /** The schema the replaced read model was moved to, kept for comparison or to switch back. */
  previousSchema: string;
  /** Events the replay applied, from offset 0 of every topic reporting reads. */
  eventsApplied: number;
  seconds: number;
}

export interface RebuildOptions {
  /** How long the switch waits, holding the live inbox, for the replay to pass the live position. */
  switchTimeoutMs?: number;
  log?: (line: string) => void;
}

/**
 * Rebuilds the reporting read model from the event log while the live one keeps answering:
 *
 * 1. a fresh schema gets every reporting migration;
 * 2. a second instance of the projections, with a consumer group of its own, replays each topic
 *    from offset 0 into it until it has caught up with the topics' ends;
 * 3. the switch, in one transaction: the live inbox is locked (the live consumer's next batch waits
 *    on its first statement), the replay is let run until it has applied everything the live
 *    consumer had, the replayed inbox takes the live group's name, and the schemas are renamed:
 *    the live one to `reporting_before_<time>`, the rebuilt one to `public`.
 *
 * The waiting live batch then runs against the rebuilt tables (PostgreSQL looks a table's name up
 * again after waiting for its lock): events the replay already applied are found in the inbox and
 * skipped, later ones are applied. Nothing is lost or counted twice.
 */
export async function rebuildReadModel(env: PlatformEnv, options: RebuildOptions = {}): Promise<RebuildOutcome> {
  const log = options.log ?? (() => undefined);
  const began = performance.now();
  const liveGroup = env.KAFKA_GROUP_ID ?? reportingService.service;
  const replayGroup = `${liveGroup}-rebuild-${Date.now()}`;
  const replayEnv = Object.assign(Object.create(Object.getPrototypeOf(env)) as PlatformEnv, env, {
    DATABASE_URL: withSearchPath(env.DATABASE_URL, REBUILD_SCHEMA),
    KAFKA_GROUP_ID: replayGroup,
    KAFKA_CONSUMER_START: 'earliest' as const,
  });

  const live = new Client({ connectionString: env.DATABASE_URL });
  await live.connect();
  try {
    const schemas = new ReadModelSchemasStore(live);
    await schemas.recreateRebuildSchema();
    await migrate(replayEnv.DATABASE_URL);
    log(`rebuild: migrated schema ${REBUILD_SCHEMA}; replaying every topic from offset 0 as group ${replayGroup}`);

    const replay = await createServiceApp(reportingService, replayEnv);
    let replayRunning = true;
    const stopReplay = async () => {
      if (replayRunning) await replay.close();
      replayRunning = false;
    };
    try {
      await replay.init();
      await replay.get(MessagingRuntime).whenCaughtUpOnAll();
      log(`rebuild: caught up after ${((performance.now() - began) / 1000).toFixed(1)} s; switching`);
      const previousSchema = `reporting_before_${new Date().toISOString().replace(/\D/g, '').slice(0, 14)}`;
      const eventsApplied = await schemas.switchInOneTransaction(async () => {
        await waitUntilReplayCovers(schemas, liveGroup, replayGroup, options.switchTimeoutMs ?? 60_000);
        await stopReplay();
        const taken = await schemas.takeOverInbox(liveGroup, replayGroup);
        await schemas.swapSchemas(previousSchema);
        return taken;
      });
      log(`rebuild: switched; the replaced read model is kept in schema ${previousSchema}`);
      await forgetReplayGroup(env, replayGroup);
      return { previousSchema, eventsApplied, seconds: (performance.now() - began) / 1000 };
    } finally {
      await stopReplay();
    }
  } finally {
    await live.end();
  }
}

/** The same database, with unqualified names resolved in `schema` first. */
export function withSearchPath(url: string, schema: string): string {
  const target = new URL(url);
  target.searchParams.set('options', `-c search_path=${schema}`);
  return target.toString();
}

async function migrate(url: string): Promise<void> {
  const dataSource = new DataSource({ ...dataSourceOptions(url, reportingSchema), logging: ['error'] });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Waits until, on every partition, the replay has applied an offset at least as far as the live
 * consumer's last one: the live consumer is held by the lock, so its position no longer moves.
 */
async function waitUntilReplayCovers(
  schemas: ReadModelSchemasStore,
  liveGroup: string,
  replayGroup: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const rows = await schemas.replayBehind(liveGroup, replayGroup);
    if (rows.length === 0) return;
    if (performance.now() > deadline) {
      const behind = rows
        .map((row) => `${row.topic}[${row.partition}] at ${row.replayed ?? 'nothing'} < ${row.live}`)
        .join(', ');
      throw new Error(
        `the replay did not reach the live position within ${timeoutMs} ms: ${behind}; nothing was switched`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The replay's consumer group and its dead-letter topic are of no further use. */
async function forgetReplayGroup(env: PlatformEnv, group: string): Promise<void> {
  const admin = createKafka(kafkaSettings(env, `${group}-admin`)).admin();
  await admin.connect();
  try {
    await admin.deleteGroups([group]).catch(() => undefined);
    const topic = deadLetterTopicSpec(group).name;
    if ((await admin.listTopics()).includes(topic)) await admin.deleteTopics({ topics: [topic] });
  } finally {
    await admin.disconnect();
  }
}
