import 'reflect-metadata';
import { startBroker, stopBroker } from '@onestop/local-stack';
import { reportingSchema } from '@onestop/reporting';
import {
  createTestDatabase,
  TEST_AUDIENCE,
  TEST_ISSUER,
  TEST_KEY_FILE,
  testRedisUrl,
  tokenFor,
} from '@onestop/testing';
import { randomBytes } from 'node:crypto';
import { Agent } from 'node:http';
import { createServer } from 'node:net';
import { cpus } from 'node:os';
import { failAndExit } from '../stack/cli';
import { HttpCall, send } from './http-load';
import { machine, percentile, writeSection } from './report';
import { BENCH_BROKER, DOSSIERS, fillReadModel, Query } from './reporting-read-model';
import { startServiceProcess, stopAll } from './service-process';

const PAINT_RUNS = Number(process.env['BENCH_PAINT_RUNS'] ?? 30);
const LIST_RUNS = Number(process.env['BENCH_LIST_RUNS'] ?? 50);
/** A browser opens at most six connections to one origin over HTTP/1.1: the seven calls share them. */
const BROWSER_CONNECTIONS = 6;
const PAINTED_MONTH = '2026-11';
const OTHER_MONTHS = [
  '2026-01',
  '2026-02',
  '2026-03',
  '2026-04',
  '2026-05',
  '2026-06',
  '2026-07',
  '2026-08',
  '2026-09',
  '2026-10',
  '2026-12',
];

function monthPeriod(month: string): { from: string; to: string; period: string } {
  const [year, number] = month.split('-').map(Number);
  const lastDay = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(lastDay).padStart(2, '0')}`, period: month };
}

/** What the province view of the dashboard asks for on first paint, for one period. */
function firstPaintPaths({ from, to, period }: { from: string; to: string; period: string }): string[] {
  const range = `from=${from}&to=${to}`;
  return [
    `/api/v1/indicators?${range}`,
    `/api/v1/indicators?${range}&groupBy=commune`,
    `/api/v1/indicators?${range}&groupBy=day`,
    `/api/v1/indicators?${range}&groupBy=field`,
    `/api/v1/indicators?${range}&groupBy=commune&thenBy=week`,
    `/api/v1/indicators/rankings?${range}`,
    `/api/v1/task-progress?period=${period}`,
  ];
}

/** Milliseconds until every call has answered in full; any other status than 200 stops the benchmark. */
async function allAnswered(agent: Agent, calls: HttpCall[]): Promise<number> {
  const began = performance.now();
  const statuses = await Promise.all(calls.map((call) => send(agent, call)));
  const elapsed = performance.now() - began;
  const failed = statuses.findIndex((status) => status !== 200);
  if (failed >= 0) throw new Error(`${calls[failed].path} answered ${statuses[failed]}`);
  return elapsed;
}

const summary = (sorted: number[]) =>
  `p50 ${percentile(sorted, 50).toFixed(0)} ms, p95 ${percentile(sorted, 95).toFixed(0)} ms, max ${sorted[sorted.length - 1].toFixed(0)} ms (${sorted.length} runs)`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function main(): Promise<void> {
  const database = await createTestDatabase('bench-dashboard', reportingSchema);
  const query: Query = (sql, parameters) => database.dataSource.query(sql, parameters);
  const port = await freePort();
  const agent = new Agent({ keepAlive: true, maxSockets: BROWSER_CONNECTIONS });
  const processes = [];
  // The service needs a broker to start its consumer; the benchmark publishes nothing. The broker of bench:reporting.
  const broker = await startBroker(BENCH_BROKER);
  try {
    const fillSeconds = await fillReadModel(query, DOSSIERS);
    console.log(
      `dashboard: ${DOSSIERS} dossier facts and their counters in the read model (${fillSeconds.toFixed(0)} s)`,
    );
    processes.push(
      await startServiceProcess('reporting', port, {
        DATABASE_URL: database.url,
        KAFKA_BROKERS: broker.brokers,
        KAFKA_GROUP_ID: `bench-dashboard-${randomBytes(4).toString('hex')}`,
        KAFKA_CONSUMER_START: 'latest',
        REDIS_URL: testRedisUrl(),
        RATE_LIMIT_KEY_PREFIX: `onestop:ratelimit:bench-dashboard-${randomBytes(4).toString('hex')}`,
        AUTH_DEV_KEY_FILE: TEST_KEY_FILE,
        AUTH_ISSUER: TEST_ISSUER,
        AUTH_AUDIENCE: TEST_AUDIENCE,
      }),
    );
    const headers = {
      authorization: `Bearer ${await tokenFor('province-leader', undefined, '46', 'bench-dashboard-leader')}`,
    };
    const calls = (paths: string[]): HttpCall[] => paths.map((path) => ({ port, path, headers }));

    const painted = calls(firstPaintPaths(monthPeriod(PAINTED_MONTH)));
    const paint: number[] = [];
    for (let run = 0; run < PAINT_RUNS; run++) paint.push(await allAnswered(agent, painted));
    const coldest = paint[0];
    paint.sort((a, b) => a - b);

    const change: number[] = [];
    for (const month of [...OTHER_MONTHS, ...OTHER_MONTHS])
      change.push(await allAnswered(agent, calls(firstPaintPaths(monthPeriod(month)))));
    change.sort((a, b) => a - b);

    const year = calls(firstPaintPaths({ from: '2026-01-01', to: '2026-12-31', period: '2026' }));
    const yearly: number[] = [];
    for (let run = 0; run < 5; run++) yearly.push(await allAnswered(agent, year));
    yearly.sort((a, b) => a - b);

    // The commune holding the most open dossiers: the longest lists to page through.
    const [{ unit }] = await query(
      `SELECT unit_code AS unit FROM dossier_facts WHERE province_code = '46' AND finished_at IS NULL AND due_at IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    );
    const listPath = (state: string, cursor?: string) =>
      `/api/v1/indicators/dossiers?unit=${unit}&state=${state}&limit=50${cursor ? `&cursor=${cursor}` : ''}`;
    const firstPage = (await (await fetch(`http://127.0.0.1:${port}${listPath('late')}`, { headers })).json()) as {
      items: unknown[];
      nextCursor: string | null;
    };
    const lateOpen = Number(
      (
        await query(
          `SELECT count(*) AS n FROM dossier_facts WHERE province_code = '46' AND unit_code = $1 AND finished_at IS NULL AND due_at <= now()`,
          [unit],
        )
      )[0].n,
    );
    const timedList = async (path: string) => {
      const times: number[] = [];
      for (let run = 0; run < LIST_RUNS; run++) times.push(await allAnswered(agent, calls([path])));
      return times.sort((a, b) => a - b);
    };
    const lateFirst = await timedList(listPath('late'));
    const lateNext = firstPage.nextCursor ? await timedList(listPath('late', firstPage.nextCursor)) : [];
    const dueSoon = await timedList(listPath('due-soon'));

    const figures = {
      fill: `${DOSSIERS.toLocaleString('en')} facts in ${fillSeconds.toFixed(0)} s`,
      firstPaint: summary(paint),
      coldest: `${coldest.toFixed(0)} ms`,
      periodChange: summary(change),
      year: summary(yearly),
      lateFirst: summary(lateFirst),
      lateNext: lateNext.length > 0 ? summary(lateNext) : 'no second page',
      dueSoon: summary(dueSoon),
      lateOpen,
    };
    console.log(JSON.stringify(figures, null, 2));
    writeSection(
      "Leaders' dashboard (`npm run bench:dashboard`)",
      `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}. The read model is filled by SQL as for
\`bench:reporting\` (\`tools/bench/reporting-read-model.ts\`): ${DOSSIERS.toLocaleString('en')} dossiers of province 46 received over
2026 in 40 communes and 4 procedures, 97 % with a result, with their daily and monthly counters.
The reporting service then runs in a process of its own, as \`npm run up\` runs it, and the
benchmark calls it over HTTP as the province leader, through at most ${BROWSER_CONNECTIONS} kept-alive connections as
a browser does. First paint of the province view is seven calls issued at once for a month
(${PAINTED_MONTH}): indicators without grouping, by commune, by day, by field, commune × week,
rankings with the previous period, and task progress; the time is until the last one has answered
in full. A period change is the same seven calls for each other month of 2026, twice over. The
drill-down is one page of 50 of the late or due-soon dossiers of commune ${unit} (${lateOpen.toLocaleString('en')} late ones
open), judged at the service's clock. The task tables are empty here: the figures are the
dossiers' read model. The service needs a broker only to start its consumer: the benchmark starts
the one of bench:reporting (127.0.0.1:19292) and stops it again if it was not running.

| measure | result | target |
|---|---|---|
| filling the read model by SQL | ${figures.fill} | |
| first paint, seven calls for a month | **${figures.firstPaint}** | ≤ 2 s |
| the first of those runs, the service's first answers | ${figures.coldest} | |
| period change, the seven calls for another month | **${figures.periodChange}** | ≤ 500 ms |
| the seven calls for the whole year 2026 | ${figures.year} | |
| drill-down, first page of late dossiers | **${figures.lateFirst}** | |
| drill-down, next page by cursor | ${figures.lateNext} | |
| drill-down, due-soon dossiers | ${figures.dueSoon} | |

PostgreSQL, the service and the benchmark share the machine's ${cpus().length} cores.`,
    );
  } finally {
    agent.destroy();
    await stopAll(processes);
    await database.drop();
    if (!broker.alreadyRunning) await stopBroker(BENCH_BROKER);
  }
}

main().then(() => process.exit(0), failAndExit('bench:dashboard'));
