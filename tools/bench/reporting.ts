import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import {
  DOSSIER_STATUS,
  DossierRouted,
  DossierStatusChanged,
  DossierStatusCode,
  EVENT_TOPIC_SPECS,
  EventEnvelope,
  TOPICS,
} from '@onestop/contracts';
import { resetBroker, startBroker, stopBroker } from '@onestop/local-stack';
import { createEvent, ensureTopics } from '@onestop/messaging';
import { IndicatorQueries, IndicatorReport, reportingSchema, reportingService } from '@onestop/reporting';
import {
  createTestDatabase,
  dossierReceivedEvent,
  publishEvents,
  startTestService,
  TestDatabase,
} from '@onestop/testing';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { cpus } from 'node:os';
import { failAndExit } from '../stack/cli';
import { machine, percentile, writeSection } from './report';
import {
  BENCH_BROKER,
  COMMUNES,
  DOSSIERS,
  fillReadModel,
  FIRST_COMMUNE,
  PROCEDURES,
  Query,
  SECONDS_IN_YEAR,
  YEAR,
} from './reporting-read-model';

const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 200_000);
const QUERY_RUNS = Number(process.env['BENCH_QUERY_RUNS'] ?? 200);
const PROJECTION_RUNS = Number(process.env['BENCH_PROJECTION_RUNS'] ?? 3);
const PLAIN_RUNS = 20;
const FRESHNESS_RATE = 50;
const FRESHNESS_SECONDS = 10;
const BROKER = BENCH_BROKER;
const SEND_BATCH = 1_000;
const PROVINCE_LEADER = {
  subject: 'bench-leader',
  roles: ['province-leader' as const],
  unitCode: null,
  provinceCode: '46',
};

/** Dossier n: one of 40 communes and a few procedures, received at some instant of the year. */
function receivedEvent(n: number) {
  const unitCode = String(FIRST_COMMUNE + (n % COMMUNES));
  const at = new Date(YEAR.start.getTime() + ((n * 7919) % SECONDS_IN_YEAR) * 1000);
  const event = dossierReceivedEvent({
    unitCode,
    code: `${unitCode}-260101-${String(n % 10_000).padStart(4, '0')}`,
    at,
  });
  const procedure = { ...event.payload.procedure, code: PROCEDURES[Math.floor(n / COMMUNES) % PROCEDURES.length] };
  return {
    ...event,
    payload: { ...event.payload, procedure, channel: n % 10 < 4 ? ('online' as const) : ('counter' as const) },
  };
}

const HOUR = 3_600_000;

/**
 * Dossier n's life as routing tells it: received, routed to its commune, accepted, and resolved
 * a day later (a fifth of them after the deadline): four events that each change its fact and
 * counters.
 */
function lifecycleEvents(n: number): EventEnvelope[] {
  const receipt = receivedEvent(n);
  const { dossierId, code, receivingUnitCode: unitCode, procedure } = receipt.payload;
  const receivedAt = new Date(receipt.occurredAt);
  const dueAt = receipt.payload.dueAt;
  const origin = {
    source: 'routing' as const,
    actor: { kind: 'system' as const, id: 'bench' },
    correlationId: dossierId,
    causationId: null,
  };
  const change = (at: Date, from: DossierStatusCode, to: DossierStatusCode, action: string) =>
    createEvent(
      DossierStatusChanged,
      dossierId,
      {
        dossierId,
        code,
        provinceCode: '46',
        procedureCode: procedure.code,
        receivingUnitCode: unitCode,
        unitCode,
        from,
        to,
        action,
        reason: null,
        dueAt,
        resultChannel: null,
      },
      origin,
      at,
    );
  const resolvedAt = new Date(receivedAt.getTime() + (n % 5 === 0 ? 100 : 24) * HOUR);
  return [
    receipt,
    createEvent(
      DossierRouted,
      dossierId,
      { dossierId, code, unitCode, assigneeId: 'officer-1', dueAt },
      origin,
      new Date(receivedAt.getTime() + 60_000),
    ),
    change(new Date(receivedAt.getTime() + HOUR), DOSSIER_STATUS.received, DOSSIER_STATUS.processing, 'accept'),
    change(resolvedAt, DOSSIER_STATUS.processing, DOSSIER_STATUS.done, 'result-signed'),
  ];
}

const EVENTS_PER_DOSSIER = 4;

/** EVENTS events: the lives of EVENTS / 4 dossiers, each dossier's events in order on its partition. */
async function produceBacklog(producer: Producer): Promise<void> {
  const dossiers = EVENTS / EVENTS_PER_DOSSIER;
  const perSend = SEND_BATCH / EVENTS_PER_DOSSIER;
  for (let from = 0; from < dossiers; from += perSend) {
    await publishEvents(
      producer,
      TOPICS.dossier,
      Array.from({ length: Math.min(perSend, dossiers - from) }, (_, index) => lifecycleEvents(from + index)).flat(),
    );
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Resolved dossiers: the last of each backlog dossier's events has been projected. Read from the
 * monthly counters, which change in the same transaction as the facts, so that polling does not
 * scan the facts while the projection writes them.
 */
async function resolvedCount(query: Query): Promise<number> {
  const rows = await query('SELECT COALESCE(sum(resolved), 0)::int AS n FROM monthly_counters');
  return rows[0].n;
}

/** Polls every 200 ms until `expected` dossiers are resolved; when the first was and when the last was. */
async function waitForResolved(
  query: Query,
  expected: number,
  timeoutMs: number,
): Promise<{ firstAt: number; lastAt: number }> {
  const deadline = performance.now() + timeoutMs;
  let firstAt = NaN;
  for (;;) {
    const count = await resolvedCount(query);
    if (count > 0 && Number.isNaN(firstAt)) firstAt = performance.now();
    if (count >= expected) return { firstAt, lastAt: performance.now() };
    if (performance.now() > deadline)
      throw new Error(`only ${count} of ${expected} dossiers resolved after ${timeoutMs} ms`);
    await sleep(200);
  }
}

/**
 * Single events at a steady rate on a caught-up service; each is timed from its send until its fact
 * row exists, polled by id every 20 ms.
 */
async function freshness(producer: Producer, query: Query): Promise<number[]> {
  const total = FRESHNESS_RATE * FRESHNESS_SECONDS;
  const sentAt = new Map<string, number>();
  const seenAfter: number[] = [];
  let sending = true;
  const watching = (async () => {
    while (sending || sentAt.size > 0) {
      const pending = [...sentAt.keys()];
      if (pending.length > 0) {
        const rows: { id: string }[] = await query(
          'SELECT dossier_id::text AS id FROM dossier_facts WHERE dossier_id = ANY($1::uuid[])',
          [pending],
        );
        const now = performance.now();
        for (const { id } of rows) {
          seenAfter.push(now - sentAt.get(id)!);
          sentAt.delete(id);
        }
      }
      await sleep(20);
    }
  })();
  const began = performance.now();
  for (let n = 0; n < total; n++) {
    await sleep(Math.max(0, began + (n * 1000) / FRESHNESS_RATE - performance.now()));
    const event = { ...receivedEvent(EVENTS + n), occurredAt: new Date().toISOString() };
    sentAt.set(event.payload.dossierId, performance.now());
    await publishEvents(producer, TOPICS.dossier, [event]);
  }
  sending = false;
  await Promise.race([
    watching,
    sleep(60_000).then(() => Promise.reject(new Error(`${sentAt.size} freshness events never reflected`))),
  ]);
  return seenAfter.sort((a, b) => a - b);
}

/** The same two shares straight from the per-dossier rows, without the counters. */
async function plainShares(query: Query): Promise<Shares> {
  const rows = await query(
    `SELECT count(*) FILTER (WHERE received_at >= $2 AND received_at < $3)::int AS received,
            count(*) FILTER (WHERE received_at >= $2 AND received_at < $3 AND channel = 'online')::int AS "receivedOnline",
            count(*) FILTER (WHERE finished_at >= $2 AND finished_at < $3 AND on_time IS NOT NULL)::int AS resolved,
            count(*) FILTER (WHERE finished_at >= $2 AND finished_at < $3 AND on_time)::int AS "resolvedOnTime",
            count(*) FILTER (WHERE received_at < $3 AND (finished_at IS NULL OR finished_at >= $3) AND (due_at IS NULL OR due_at >= $3))::int AS "openWithin",
            count(*) FILTER (WHERE received_at < $3 AND (finished_at IS NULL OR finished_at >= $3) AND due_at < $3)::int AS "openOverdue"
       FROM dossier_facts WHERE province_code = $1`,
    ['46', YEAR.start, YEAR.end],
  );
  const row = rows[0];
  return {
    onTime: {
      numerator: row.resolvedOnTime + row.openWithin,
      denominator: row.resolved + row.openWithin + row.openOverdue,
    },
    online: { numerator: row.receivedOnline, denominator: row.received },
  };
}

interface Shares {
  onTime: { numerator: number; denominator: number };
  online: { numerator: number; denominator: number };
}

function sharesOf(report: IndicatorReport): Shares {
  const { onTimeOrWithinDeadlineShare, onlineDossierShare } = report.rows[0].indicators;
  return {
    onTime: { numerator: onTimeOrWithinDeadlineShare.numerator, denominator: onTimeOrWithinDeadlineShare.denominator },
    online: { numerator: onlineDossierShare.numerator, denominator: onlineDossierShare.denominator },
  };
}

function describe(shares: Shares): string {
  const share = ({ numerator, denominator }: { numerator: number; denominator: number }) =>
    `${numerator}/${denominator} (${((100 * numerator) / denominator).toFixed(2)} %)`;
  return `on time ${share(shares.onTime)}, online ${share(shares.online)}`;
}

/** Sorted durations of `runs` calls, in ms, and the last call's answer. */
async function timed<T>(runs: number, call: () => Promise<T>): Promise<{ times: number[]; last: T }> {
  const times: number[] = [];
  let last!: T;
  for (let i = 0; i < runs; i++) {
    const began = performance.now();
    last = await call();
    times.push(performance.now() - began);
  }
  return { times: times.sort((a, b) => a - b), last };
}

const p50p99 = (sorted: number[]) =>
  `p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms`;

/** One projection of the whole backlog: a new database and consumer group, timed from the service's start. */
interface ProjectionRun {
  seconds: number;
  bootSeconds: number;
  firstFactSeconds: number;
  rate: number;
}

/**
 * Projects the backlog from offset 0 into `database` with a service of its own, from its start
 * until the last dossier is resolved; the service is returned still running, caught up.
 */
async function projectBacklog(
  brokers: string,
  database: TestDatabase,
): Promise<{ run: ProjectionRun; service: Awaited<ReturnType<typeof startTestService>> }> {
  const query: Query = (sql, parameters) => database.dataSource.query(sql, parameters);
  const began = performance.now();
  const service = await startTestService(reportingService, {
    DATABASE_URL: database.url,
    KAFKA_BROKERS: brokers,
    KAFKA_GROUP_ID: `bench-reporting-${Date.now()}`,
    KAFKA_CONSUMER_START: 'earliest',
  });
  const bootedAt = performance.now();
  const { firstAt, lastAt } = await waitForResolved(query, EVENTS / EVENTS_PER_DOSSIER, 30 * 60_000);
  const seconds = (lastAt - began) / 1000;
  return {
    run: {
      seconds,
      bootSeconds: (bootedAt - began) / 1000,
      firstFactSeconds: (firstAt - began) / 1000,
      rate: EVENTS / seconds,
    },
    service,
  };
}

const describeRun = (run: ProjectionRun) =>
  `${run.rate.toFixed(0)} events/s (${run.seconds.toFixed(1)} s; boot ${run.bootSeconds.toFixed(1)} s, first fact after ${run.firstFactSeconds.toFixed(1)} s)`;

async function main(): Promise<void> {
  Logger.overrideLogger(['error']);
  await resetBroker(BROKER);
  const { brokers } = await startBroker(BROKER);
  const kafka = new Kafka({ clientId: 'bench-reporting', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  await ensureTopics(kafka, EVENT_TOPIC_SPECS, 1);
  const database = await createTestDatabase('bench-reporting', reportingSchema);
  const query: Query = (sql, parameters) => database.dataSource.query(sql, parameters);
  try {
    await producer.connect();
    await produceBacklog(producer);
    // The backlog is on the topic before each service starts, so each timing starts with a full
    // queue. Earlier runs project into databases of their own; the last one's service goes on.
    const earlier: ProjectionRun[] = [];
    for (let n = 1; n < PROJECTION_RUNS; n++) {
      const own = await createTestDatabase('bench-reporting', reportingSchema);
      try {
        const { run, service } = await projectBacklog(brokers, own);
        earlier.push(run);
        await service.close();
      } finally {
        await own.drop();
      }
    }
    const last = await projectBacklog(brokers, database);
    const service = last.service;
    try {
      const runs = [...earlier, last.run];
      const median = [...runs].sort((a, b) => a.rate - b.rate)[Math.floor(runs.length / 2)];
      const reflected = await freshness(producer, query);

      const fillSeconds = await fillReadModel(query, DOSSIERS);
      console.log(
        `reporting: ${DOSSIERS} dossier facts and their counters in the read model (${fillSeconds.toFixed(0)} s)`,
      );
      const queries = service.app.get(IndicatorQueries);
      const indicator = await timed(QUERY_RUNS, () =>
        queries.indicators({ from: YEAR.from, to: YEAR.to }, PROVINCE_LEADER),
      );
      const plain = await timed(PLAIN_RUNS, () => plainShares(query));
      const fromCounters = sharesOf(indicator.last);
      const equal = JSON.stringify(fromCounters) === JSON.stringify(plain.last);

      const figures = {
        rate: `${median.rate.toFixed(0)} events/s`,
        runs: runs.map(describeRun).join('; '),
        freshness: `${reflected.length} events at ${FRESHNESS_RATE}/s: p50 ${percentile(reflected, 50).toFixed(0)} ms, p99 ${percentile(reflected, 99).toFixed(0)} ms, max ${reflected[reflected.length - 1].toFixed(0)} ms`,
        fill: `${DOSSIERS} facts in ${fillSeconds.toFixed(0)} s`,
        indicatorQuery: `${QUERY_RUNS} calls: ${p50p99(indicator.times)}`,
        plainAggregate: `${PLAIN_RUNS} runs: ${p50p99(plain.times)}`,
        fromCounters: describe(fromCounters),
        fromFacts: describe(plain.last),
        equal,
      };
      console.log(JSON.stringify(figures, null, 2));
      if (!equal)
        throw new Error(`the counters and the facts disagree: ${figures.fromCounters} against ${figures.fromFacts}`);
      writeSection(
        'Reporting: projection and indicator queries (`npm run bench:reporting`)',
        `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}. The reporting service runs in the
benchmark's process. Projection: ${EVENTS.toLocaleString('en')} events, the lives of ${(EVENTS / EVENTS_PER_DOSSIER).toLocaleString('en')} dossiers
(\`DossierReceived\`, \`DossierRouted\`, two \`DossierStatusChanged\`; ${COMMUNES} communes, ${PROCEDURES.length} procedures, receipts
over 2026), are on the local KRaft broker before the service starts with a new consumer group and
an empty read model; the time runs from its start until the last dossier is resolved in the read
model (polled every 200 ms on the monthly counters). The projection is measured ${PROJECTION_RUNS} times, each
with a database and consumer group of its own, and the median is the figure: the machine is a
shared virtual machine whose runs vary. Each event changes its dossier's fact and its day's
counters; a batch of events is one transaction that reads the facts it touches in one query and
writes facts and counters in one statement each. Freshness:
with the service caught up, single events at ${FRESHNESS_RATE}/s for ${FRESHNESS_SECONDS} s, each timed from the producer's send
until its fact row exists (polled by id every 20 ms). Query: the read model is then filled by SQL
with ${DOSSIERS.toLocaleString('en')} dossiers of province 46 received over 2026 (97 % with a result, the rest still
in processing) and the \`daily_counters\` computed from the same rows; \`IndicatorQueries.indicators\`
for the province leader and the whole year (sums over the twelve months of \`monthly_counters\`, the
dossiers open at the year's end from the counters' open-stock changes) is compared with one plain
SQL aggregate computing the same on-time and online shares over \`dossier_facts\`.

| measure | result | target |
|---|---|---|
| projection, ${EVENTS.toLocaleString('en')} events from the service's start, median of ${PROJECTION_RUNS} | **${figures.rate}** | ≥ 10,000 events/s |
| each run | ${figures.runs} | |
| freshness, send to fact row | ${figures.freshness} | within 2 s |
| filling the read model by SQL | ${figures.fill} | |
| indicators of the province for 2026, ${DOSSIERS.toLocaleString('en')} dossiers | **${figures.indicatorQuery}** | p99 < 50 ms |
| plain SQL aggregate over the per-dossier table, same figures | ${figures.plainAggregate} | |
| results | counters: ${figures.fromCounters}; facts: ${figures.fromFacts}; ${equal ? 'equal' : 'different'} | equal |

Broker, PostgreSQL and the service share the machine's ${cpus().length} cores.`,
      );
    } finally {
      await service.close();
    }
  } finally {
    await producer.disconnect().catch(() => undefined);
    await database.drop();
    await stopBroker(BROKER);
  }
}

main().then(() => process.exit(0), failAndExit('bench:reporting'));
