import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { EVENT_TOPIC_SPECS, TOPICS } from '@onestop/contracts';
import { resetBroker, startBroker, stopBroker } from '@onestop/local-stack';
import { ensureTopics } from '@onestop/messaging';
import { ManualClock } from '@onestop/platform';
import { DeadlineQueries, DeadlineScan, taskMonitoringSchema, taskMonitoringService } from '@onestop/task-monitoring';
import { createTestDatabase, startTestService } from '@onestop/testing';
import { Kafka, logLevel } from 'kafkajs';
import { failAndExit } from '../stack/cli';
import { machine, percentile, writeSection } from './report';

const OPEN = Number(process.env['BENCH_OPEN_CLOCKS'] ?? 1_000_000);
const DUE = Number(process.env['BENCH_DUE'] ?? 10_000);
const BATCH = Number(process.env['BENCH_SCAN_BATCH'] ?? 2_000);
const BROKER = { name: 'bench', port: 19292 };
const FILL_CHUNK = 200_000;
/** Wednesday 25 November 2026, 10:00 in Huế: a working morning. */
const NOW = new Date('2026-11-25T10:00:00+07:00');

/**
 * One million running clocks: DUE of them crossed their due-soon instant a minute ago (4 working
 * hours left, so exactly one alarm each), the rest fall due over the coming months.
 */
async function fill(database: {
  dataSource: { query(sql: string, parameters?: unknown[]): Promise<unknown> };
}): Promise<void> {
  // In chunks: one statement for the whole million would pass the connection's statement timeout.
  for (let from = 1; from <= OPEN; from += FILL_CHUNK)
    await fillChunk(database, from, Math.min(OPEN, from + FILL_CHUNK - 1));
  await database.dataSource.query('ANALYZE dossier_clocks');
}

async function fillChunk(
  database: { dataSource: { query(sql: string, parameters?: unknown[]): Promise<unknown> } },
  from: number,
  to: number,
): Promise<void> {
  await database.dataSource.query(
    `INSERT INTO dossier_clocks (dossier_id, code, province_code, unit_code, assignee_id, procedure_code, pauses_for_citizen, state, budget_minutes,
       segment_start, remaining_minutes, step, step_start, step_remaining_minutes, due_at, due_soon_at, step_due_at,
       escalate_unit_leader_at, escalate_province_at, next_fire_at, received_at, updated_at)
     SELECT gen_random_uuid(), '19753-261125-' || lpad((i % 10000)::text, 4, '0'), '46', (19753 + i % 40)::text, 'officer-' || (i % 400), 'HKD-DANGKY', false,
            'running', 1440, $1::timestamptz - interval '1 minute', CASE WHEN i <= $2 THEN 240 ELSE 1440 END, 'processing', $1::timestamptz, 1000,
            due, due - interval '1 day', $1::timestamptz + interval '2 days', due + interval '4 hours', due + interval '3 days',
            CASE WHEN i <= $2 THEN $1::timestamptz - interval '1 minute' ELSE due - interval '1 day' END,
            $1::timestamptz - interval '3 days', $1::timestamptz
       FROM generate_series($3::int, $4::int) AS i,
            LATERAL (SELECT CASE WHEN i <= $2 THEN $1::timestamptz + interval '4 hours' ELSE $1::timestamptz + (i % 90 + 2) * interval '1 day' END AS due) AS d`,
    [NOW, DUE, from, to],
  );
}

/** p50 and p99 of `runs` calls, in ms. */
async function timed(runs: number, call: () => Promise<unknown>): Promise<string> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const began = performance.now();
    await call();
    times.push(performance.now() - began);
  }
  times.sort((a, b) => a - b);
  return `p50 ${percentile(times, 50).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms`;
}

async function topicSize(kafka: Kafka): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(TOPICS.task);
    return offsets.reduce((sum, partition) => sum + Number(partition.high), 0);
  } finally {
    await admin.disconnect();
  }
}

async function main(): Promise<void> {
  Logger.overrideLogger(['error']);
  await resetBroker(BROKER);
  const { brokers } = await startBroker(BROKER);
  const kafka = new Kafka({ clientId: 'bench-deadlines', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  await ensureTopics(kafka, EVENT_TOPIC_SPECS, 1);
  const database = await createTestDatabase('bench-deadlines', taskMonitoringSchema);
  try {
    // The service's own scan looks once at start (the table is empty then) and then hourly, so
    // every scan below is the one timed.
    const service = await startTestService(
      taskMonitoringService,
      {
        DATABASE_URL: database.url,
        KAFKA_BROKERS: brokers,
        DEADLINE_SCAN_BATCH: String(BATCH),
        DEADLINE_SCAN_INTERVAL_MS: '3600000',
      },
      { clock: new ManualClock(NOW) },
    );
    try {
      const filling = performance.now();
      await fill(database);
      console.log(`deadlines: ${OPEN} clocks in the table (${((performance.now() - filling) / 1000).toFixed(0)} s)`);
      const scan = service.app.get(DeadlineScan);
      const before = await topicSize(kafka);

      const began = performance.now();
      const batches: number[] = [];
      let fired = 0;
      for (;;) {
        const batchBegan = performance.now();
        const result = await scan.once();
        batches.push(performance.now() - batchBegan);
        fired += result.events;
        if (result.claimed < BATCH) break;
      }
      const cycleSeconds = (performance.now() - began) / 1000;

      // The relay publishes the outbox to Kafka meanwhile; timed until the last event is on the topic.
      while ((await topicSize(kafka)) < before + fired) await new Promise((resolve) => setTimeout(resolve, 50));
      const publishedSeconds = (performance.now() - began) / 1000;
      const idleBegan = performance.now();
      const idle = await scan.once();
      const idleMs = performance.now() - idleBegan;
      const remaining = await database.dataSource.query(
        `SELECT count(*)::int AS n FROM dossier_clocks WHERE next_fire_at <= $1`,
        [NOW],
      );
      // The leaders' list over the same million clocks: a province's and one unit's due-soon page.
      const queries = service.app.get(DeadlineQueries);
      const leader = {
        subject: 'bench-leader',
        roles: ['province-leader' as const],
        unitCode: null,
        provinceCode: '46',
      };
      const provinceList = await timed(200, () => queries.deadlines({ state: 'due-soon', limit: 50 }, leader));
      const unitList = await timed(200, () =>
        queries.deadlines({ state: 'due-soon', unit: '19760', limit: 50 }, leader),
      );

      const figures = {
        cycle: `${fired} events in ${cycleSeconds.toFixed(2)} s (${batches.length} batches of ≤ ${BATCH}: ${batches.map((ms) => ms.toFixed(0)).join(', ')} ms)`,
        rate: `${(fired / cycleSeconds).toFixed(0)} events/s`,
        published: `${publishedSeconds.toFixed(2)} s`,
        idle: `${idleMs.toFixed(1)} ms (${idle.claimed} claimed)`,
        left: remaining[0].n,
        provinceList,
        unitList,
      };
      console.log(JSON.stringify(figures, null, 2));
      if (fired !== DUE || remaining[0].n !== 0)
        throw new Error(`expected ${DUE} events and nothing left due, got ${fired} and ${remaining[0].n}`);
      writeSection(
        'Task monitoring: one deadline scan over a million open clocks (`npm run bench:deadlines`)',
        `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}. The \`dossier_clocks\` table holds
${OPEN.toLocaleString('en')} running clocks; ${DUE.toLocaleString('en')} of them crossed their due-soon instant. The task-monitoring
service runs in the benchmark's process on a fixed clock, and its scan is called until nothing is
due: each batch claims up to ${BATCH} clocks (\`FOR UPDATE SKIP LOCKED\` on the \`next_fire_at\`
index), compares the alarm instants stored with each clock with the time, appends the events to
the outbox and settles the clocks, in one transaction. The outbox relay publishes to the local KRaft broker
meanwhile.

| measure | result | target |
|---|---|---|
| scan cycle firing ${DUE.toLocaleString('en')} due events | **${figures.cycle}** | within 5 s |
| events/s written (outbox, with the clocks settled) | **${figures.rate}** | |
| until the last event was on Kafka | ${figures.published} | |
| a scan with nothing due, ${OPEN.toLocaleString('en')} clocks | ${figures.idle} | |
| \`GET /deadlines?state=due-soon\`, a province's first page of 50 | ${figures.provinceList} | |
| the same for one commune (25,000 running clocks) | ${figures.unitList} | |

Broker, PostgreSQL and the service share the machine's ${require('node:os').cpus().length} cores.`,
      );
    } finally {
      await service.close();
    }
  } finally {
    await database.drop();
    await stopBroker(BROKER);
  }
}

main().then(() => process.exit(0), failAndExit('bench:deadlines'));
