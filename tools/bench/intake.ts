import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { intakeSchema } from '@onestop/intake';
import { resetBroker, startBroker, stopBroker } from '@onestop/local-stack';
import { loadOrCreateDevelopmentKey, signDevelopmentToken } from '@onestop/platform';
import { createTestDatabase, TestDatabase } from '@onestop/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { failAndExit } from '../stack/cli';
import { ROOT } from '../stack/run';
import { loadForSeconds, LoadResult } from './http-load';
import { machine, percentile, writeSection } from './report';
import { startServiceProcess, stopAll } from './service-process';

const CONCURRENCY = 64;
const WARM_UP_SECONDS = Number(process.env['BENCH_WARM_UP_SECONDS'] ?? 5);
const MEASURE_SECONDS = Number(process.env['BENCH_SECONDS'] ?? 30);
const PORT = Number(process.env['BENCH_INTAKE_PORT'] ?? 3901);
/** Intake processes behind the clients (round robin), as replicas behind a load balancer would be. */
const REPLICAS = Number(process.env['BENCH_REPLICAS'] ?? 1);
const BROKER = { name: 'bench', port: 19292 };
const KEY_FILE = join(ROOT, '.data', 'bench', 'auth-key.json');
const HUE = '46';

interface Desk {
  unitCode: string;
  token: string;
}

/** Huế's 40 communes and wards, each a desk filing for its own residents. */
async function hueDesks(database: TestDatabase): Promise<Desk[]> {
  const rows: { code: string }[] = await database.dataSource.query(
    `SELECT code FROM administrative_units WHERE province_code = $1 AND kind = 'commune' ORDER BY code`,
    [HUE],
  );
  await database.dataSource.query('CREATE TABLE bench_units (position int PRIMARY KEY, code text NOT NULL)');
  for (const [position, { code }] of rows.entries())
    await database.dataSource.query('INSERT INTO bench_units VALUES ($1, $2)', [position, code]);
  const key = await loadOrCreateDevelopmentKey(KEY_FILE);
  return Promise.all(
    rows.map(async ({ code }) => ({
      unitCode: code,
      token: await signDevelopmentToken(key, {
        subject: `bench-desk-${code}`,
        roles: ['desk-officer'],
        unitCode: code,
        provinceCode: HUE,
        issuer: 'onestop-development',
        audience: 'onestop',
      }),
    })),
  );
}

function filing(desk: Desk): string {
  return JSON.stringify({
    procedureCode: 'HKD-DANGKY',
    receivingUnitCode: desk.unitCode,
    channel: 'counter',
    applicant: {
      name: 'Nguyễn Văn An',
      citizenId: '046095001234',
      phone: '0912345678',
      email: 'an@example.vn',
      address: { line: '12 Lê Lợi', communeCode: desk.unitCode },
    },
    documents: [
      {
        type: 'registration-application',
        fileName: 'giay-de-nghi.pdf',
        sha256: randomBytes(32).toString('hex'),
        size: 120_000,
      },
    ],
  });
}

/** The intake service as `npm run up` runs it: its own process, logging warnings only. */
function startIntake(databaseUrl: string, brokers: string, port: number): Promise<ChildProcess> {
  return startServiceProcess('intake', port, {
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: brokers,
    AUTH_DEV_KEY_FILE: KEY_FILE,
    KAFKA_GROUP_ID: 'bench-intake',
  });
}

/** 64 clients, each filing one dossier after another over a kept-alive connection. */
function fileForSeconds(desks: Desk[], seconds: number): Promise<LoadResult> {
  return loadForSeconds(CONCURRENCY, seconds, 201, (client, n) => {
    const desk = desks[n % desks.length];
    return {
      port: PORT + (client % REPLICAS),
      path: '/api/v1/dossiers',
      headers: {
        authorization: `Bearer ${desk.token}`,
        'idempotency-key': `bench-${client}-${n}-${randomBytes(4).toString('hex')}`,
      },
      body: filing(desk),
    };
  });
}

/** The floor under any request of this service on this machine: the liveness probe, no database. */
async function livenessPerSecond(seconds: number): Promise<number> {
  const result = await loadForSeconds(CONCURRENCY, seconds, 200, () => ({ port: PORT, path: '/health/live' }));
  return (result.succeeded + result.failed) / result.seconds;
}

interface PgbenchResult {
  tps: number;
  latencyMs: number;
  transactions: number;
}

/** The same filing as bare SQL (tools/bench/intake-pgbench.sql), 64 clients, same duration. */
async function pgbench(databaseUrl: string): Promise<PgbenchResult> {
  const url = new URL(databaseUrl);
  const args = [
    '-n',
    '-c',
    String(CONCURRENCY),
    '-j',
    '2',
    '-T',
    String(MEASURE_SECONDS),
    '-f',
    join(ROOT, 'tools', 'bench', 'intake-pgbench.sql'),
    '-h',
    url.hostname,
    '-p',
    url.port || '5432',
    '-U',
    decodeURIComponent(url.username) || 'postgres',
    decodeURIComponent(url.pathname.slice(1)),
  ];
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn('pgbench', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (data: Buffer) => (text += data.toString()));
    child.stderr.on('data', (data: Buffer) => (text += data.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`pgbench exited ${code}:\n${text}`))));
  });
  const number = (pattern: RegExp) => Number(pattern.exec(output)?.[1] ?? NaN);
  return {
    tps: number(/tps = ([\d.]+) \(without initial connection time\)/),
    latencyMs: number(/latency average = ([\d.]+) ms/),
    transactions: number(/number of transactions actually processed: (\d+)/),
  };
}

async function main(): Promise<void> {
  Logger.overrideLogger(['error']);
  await resetBroker(BROKER);
  const { brokers } = await startBroker(BROKER);
  const database = await createTestDatabase('bench-intake', intakeSchema);
  let intake: ChildProcess[] = [];
  try {
    const desks = await hueDesks(database);
    intake = await Promise.all(
      Array.from({ length: REPLICAS }, (_, replica) => startIntake(database.url, brokers, PORT + replica)),
    );
    await fileForSeconds(desks, WARM_UP_SECONDS);
    const http = await fileForSeconds(desks, MEASURE_SECONDS);
    const rows = Number((await database.dataSource.query('SELECT count(*) AS n FROM dossiers'))[0].n);
    const perSecond = http.succeeded / http.seconds;
    const p50 = percentile(http.latencies, 50);
    const p99 = percentile(http.latencies, 99);
    const liveness = await livenessPerSecond(10);
    console.log(`liveness probe: ${liveness.toFixed(0)}/s`);
    console.log(
      `http: ${http.succeeded} filed, ${http.failed} failed in ${http.seconds.toFixed(1)} s = ${perSecond.toFixed(0)}/s; p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms; statuses ${JSON.stringify(http.statuses)}; ${rows} dossier rows`,
    );
    await stopAll(intake);
    intake = [];

    const sql = await pgbench(database.url);
    const ratio = perSecond / sql.tps;
    console.log(
      `pgbench: ${sql.transactions} transactions = ${sql.tps.toFixed(0)}/s, latency average ${sql.latencyMs.toFixed(1)} ms; ratio ${ratio.toFixed(2)}`,
    );
    const verdict = (ok: boolean) => (ok ? 'met' : '**not met**');
    writeSection(
      'Intake filing (npm run bench:intake)',
      `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}; PostgreSQL 15, Redis and a
single-node KRaft broker on the same machine, and the load generator too (it takes a share of
the two cores). ${CONCURRENCY} clients file counter dossiers (HKD-DANGKY, one document) over kept-alive
HTTP connections, each with a fresh Idempotency-Key and a desk token of one of Huế's 40 communes,
for ${MEASURE_SECONDS} s after a ${WARM_UP_SECONDS} s warm-up. The intake service runs as its own process
(development mode, warnings logged only) with its outbox relay publishing to Kafka meanwhile.
Then, with the service stopped, pgbench runs the filing's bare SQL (daily number, dossier row,
public step, two outbox rows: tools/bench/intake-pgbench.sql) with ${CONCURRENCY} clients for the same time.

| measure | result | target |
|---|---|---|
| dossiers filed over HTTP, concurrency ${CONCURRENCY}, ${REPLICAS} intake process${REPLICAS > 1 ? 'es' : ''} | **${perSecond.toFixed(0)} dossiers/s** (${http.succeeded.toLocaleString('en')} filed, ${http.failed} failed) | ≥ 2,000/s: ${verdict(perSecond >= 2000)} |
| HTTP latency | p50 **${p50.toFixed(1)} ms**, p99 **${p99.toFixed(1)} ms** | p99 < 100 ms: ${verdict(p99 < 100)} |
| for scale: \`GET /health/live\` on the same service${REPLICAS > 1 ? ' (first process)' : ''}, ${CONCURRENCY} clients, 10 s | ${liveness.toFixed(0)} requests/s | |
| the same SQL through pgbench, ${CONCURRENCY} clients | **${sql.tps.toFixed(0)} transactions/s** (latency average ${sql.latencyMs.toFixed(1)} ms) | |
| ratio HTTP / bare SQL | **${ratio.toFixed(2)}** | ≥ 0.5: ${verdict(ratio >= 0.5)} |

How to read these figures: the next section.

Reproduce: \`npm run bench:intake\` (BENCH_SECONDS and BENCH_WARM_UP_SECONDS change the durations,
BENCH_REPLICAS the number of intake processes).`,
    );
  } finally {
    await stopAll(intake);
    await database.drop();
    await stopBroker(BROKER);
  }
}

main().then(() => process.exit(0), failAndExit('bench:intake'));
