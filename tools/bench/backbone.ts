import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { CreateMessagingTables1763800000000 } from '@onestop/messaging';
import { resetBroker, startBroker, stopBroker } from '@onestop/local-stack';
import { probeFixture, startRelaySide } from '@onestop/messaging/testing';
import { createTestDatabase, TestDatabase, waitFor } from '@onestop/testing';
import { EventEnvelope } from '@onestop/contracts';
import { ChildProcess, spawn } from 'node:child_process';
import { failAndExit } from '../stack/cli';
import { ROOT } from '../stack/run';
import { machine, percentile, writeSection } from './report';

const THROUGHPUT_EVENTS = Number(process.env['BENCH_EVENTS'] ?? 50_000);
const RATE = 1_000;
const RATE_SECONDS = Number(process.env['BENCH_RATE_SECONDS'] ?? 20);
const KEYS = 1_000;
const BROKER = { name: 'bench', port: 19292 };

async function count(database: TestDatabase): Promise<number> {
  return Number((await database.dataSource.query('SELECT count(*) FROM bench_effects'))[0].count);
}

/** Phase 1: write as fast as 8 concurrent writers can (100 events a transaction), time until all are applied. */
async function throughput(database: TestDatabase, fixture: ReturnType<typeof probeFixture>) {
  const began = Date.now();
  let next = 0;
  const writer = async () => {
    while (next < THROUGHPUT_EVENTS) {
      const from = next;
      next += 100;
      const events: EventEnvelope[] = [];
      for (let n = from; n < Math.min(from + 100, THROUGHPUT_EVENTS); n++)
        events.push(fixture.probe(`key-${n % KEYS}`, n));
      await database.dataSource.transaction((tx) => fixture.writer.append(tx, events));
    }
  };
  await Promise.all(Array.from({ length: 8 }, writer));
  const written = Date.now();
  await waitFor(async () => (await count(database)) >= THROUGHPUT_EVENTS, 600_000, 'all effects');
  const seconds = (Date.now() - began) / 1000;
  return { seconds, writeSeconds: (written - began) / 1000, eventsPerSecond: THROUGHPUT_EVENTS / seconds };
}

/** Phase 2: one event per transaction at a fixed rate; latency from commit to effect. */
async function latencyAtRate(database: TestDatabase, fixture: ReturnType<typeof probeFixture>) {
  await database.dataSource.query('TRUNCATE bench_effects, bench_commits');
  const total = RATE * RATE_SECONDS;
  const began = Date.now();
  const pending: Promise<void>[] = [];
  let failedWrites = 0;
  for (let n = 0; n < total; n++) {
    const due = began + (n * 1000) / RATE;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(
      database.dataSource
        .transaction(async (tx) => {
          await fixture.writer.append(tx, [fixture.probe(`key-${n % KEYS}`, n)]);
        })
        .then(
          () => undefined,
          () => void (failedWrites += 1), // e.g. no pooled connection within 3 s: the writer is overloaded
        ),
    );
  }
  await Promise.all(pending);
  const achievedRate = total / ((Date.now() - began) / 1000);
  await waitFor(async () => (await count(database)) >= total - failedWrites, 120_000, 'all effects at the fixed rate');
  const rows: { latency: string }[] = await database.dataSource.query(
    `SELECT extract(epoch FROM (e.applied_at - o.committed_at)) * 1000 AS latency
       FROM bench_effects e JOIN bench_commits o USING (event_id)`,
  );
  const latencies = rows.map((r) => Number(r.latency)).sort((a, b) => a - b);
  return {
    achievedRate,
    failedWrites,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    samples: latencies.length,
  };
}

/** Starts the consuming side as a separate process, as the consuming service would be. */
async function startConsumerProcess(databaseUrl: string, brokers: string, topic: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', './tools/ts-register.js', 'tools/bench/backbone-consumer.ts'], {
    cwd: ROOT,
    env: { ...process.env, BENCH_DATABASE_URL: databaseUrl, BENCH_BROKERS: brokers, BENCH_TOPIC: topic },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (data: Buffer) => data.toString().includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`the consumer process exited (${code})`)));
  });
  return child;
}

async function main(): Promise<void> {
  Logger.overrideLogger(['error']);
  await resetBroker(BROKER);
  const { brokers } = await startBroker({ ...BROKER, heapMb: 1024 });
  const fixture = probeFixture('bench');
  const database = await createTestDatabase('bench', {
    entities: [],
    migrations: [CreateMessagingTables1763800000000],
  });
  let relay: Awaited<ReturnType<typeof startRelaySide>> | null = null;
  let consumer: ChildProcess | null = null;
  try {
    await database.dataSource.query(
      'CREATE TABLE bench_effects (event_id uuid NOT NULL, applied_at timestamptz NOT NULL)',
    );
    // The commit time of each outbox row, taken by a trigger at insert: clock_timestamp() in the
    // same transaction, within a millisecond of the commit for these one-row transactions.
    await database.dataSource.query(`
      CREATE TABLE bench_commits (event_id uuid PRIMARY KEY, committed_at timestamptz NOT NULL);
      CREATE FUNCTION bench_note_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN INSERT INTO bench_commits VALUES (NEW.event_id, clock_timestamp()); RETURN NULL; END $$;
      CREATE TRIGGER bench_note_commit AFTER INSERT ON messaging_outbox FOR EACH ROW EXECUTE FUNCTION bench_note_commit();`);
    consumer = await startConsumerProcess(database.url, brokers, fixture.topic);
    relay = await startRelaySide([brokers], database.url);
    const t = await throughput(database, fixture);
    console.log(
      `throughput: ${THROUGHPUT_EVENTS} events in ${t.seconds.toFixed(1)} s = ${t.eventsPerSecond.toFixed(0)} events/s`,
    );
    const l = await latencyAtRate(database, fixture);
    console.log(
      `latency at ${RATE}/s (achieved ${l.achievedRate.toFixed(0)}/s, ${l.samples} events, ${l.failedWrites} writes failed): p50 ${l.p50.toFixed(1)} ms, p99 ${l.p99.toFixed(1)} ms, max ${l.max.toFixed(1)} ms`,
    );
    writeSection(
      'Event backbone (npm run bench:backbone)',
      `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}; single-node KRaft broker (Kafka 3.9.1, 1 GiB heap) and
PostgreSQL on the same machine. Path: outbox insert (committed) → relay (idempotent producer) →
Kafka topic of 12 partitions → inbox consumer (3 partitions at a time) → effect committed.
The writers and the relay run in one process and the consumer in another, as two services would.

| measure | result | target |
|---|---|---|
| sustained throughput, ${THROUGHPUT_EVENTS.toLocaleString('en')} events written by 8 writers, 100 per transaction | **${t.eventsPerSecond.toFixed(0)} events/s** (${t.seconds.toFixed(1)} s; writing alone took ${t.writeSeconds.toFixed(1)} s) | ≥ 5,000 events/s |
| latency at a fixed ${RATE} events/s, one event per transaction, ${l.samples.toLocaleString('en')} events | p50 **${l.p50.toFixed(1)} ms**, p99 **${l.p99.toFixed(1)} ms**, max ${l.max.toFixed(1)} ms (achieved ${l.achievedRate.toFixed(0)}/s; ${l.failedWrites} writes failed) | p99 < 200 ms |

Latency runs from the outbox row's insert (clock_timestamp in its one-row transaction) to the
effect's insert in the consumer's transaction, both read from PostgreSQL's clock.
Reproduce: \`npm run bench:backbone\` (BENCH_EVENTS and BENCH_RATE_SECONDS change the sizes).`,
    );
  } finally {
    await relay?.stop();
    if (consumer) {
      consumer.kill('SIGTERM');
      await new Promise((resolve) => consumer!.once('exit', resolve));
    }
    await database.drop();
    await stopBroker(BROKER);
  }
}

main().then(() => process.exit(0), failAndExit('bench:backbone'));
