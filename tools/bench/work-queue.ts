import 'reflect-metadata';
import { Role } from '@onestop/contracts';
import {
  DEFAULT_DEVELOPMENT_KEY_FILE,
  DEVELOPMENT_ISSUER,
  loadOrCreateDevelopmentKey,
  signDevelopmentToken,
} from '@onestop/platform';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { failAndExit } from '../stack/cli';
import { ROOT } from '../stack/run';
import { machine, percentile, writeSection } from './report';

/** The platform as `npm run up` serves it: the web origin, the APIs behind nginx. */
const WEB = process.env['BENCH_WEB_URL'] ?? 'http://127.0.0.1:3000';
const QUEUE_SIZE = Number(process.env['BENCH_QUEUE_SIZE'] ?? 10_000);
const ARRIVALS = Number(process.env['BENCH_ARRIVALS'] ?? 50);
const FIRST_PAGES = Number(process.env['BENCH_FIRST_PAGES'] ?? 200);
const CONCURRENCY = 16;
/** Kim Long, Huế: not one of the seed users' units, so their work queues stay as a newcomer finds them. */
const UNIT = process.env['BENCH_UNIT'] ?? '19774';
const PROVINCE = '46';
/** The browser's queue asks again this often (apps/web/src/work-queue/queries.ts, QUEUE_REFRESH_MS). */
const BROWSER_REFRESH_MS = 4_000;

interface Tokens {
  desk: string;
  specialist: string;
}

async function tokens(): Promise<Tokens> {
  const key = await loadOrCreateDevelopmentKey(resolve(ROOT, DEFAULT_DEVELOPMENT_KEY_FILE));
  const token = (subject: string, role: Role) =>
    signDevelopmentToken(key, {
      subject,
      roles: [role],
      unitCode: UNIT,
      provinceCode: PROVINCE,
      issuer: DEVELOPMENT_ISSUER,
      audience: 'onestop',
    });
  return {
    desk: await token('bench-desk-kimlong', 'desk-officer'),
    specialist: await token('bench-specialist-kimlong', 'specialist'),
  };
}

async function file(token: string): Promise<string> {
  const response = await fetch(`${WEB}/api/intake/v1/dossiers`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'idempotency-key': `bench-queue-${randomBytes(8).toString('hex')}`,
    },
    body: JSON.stringify({
      procedureCode: 'CT-XACNHAN-CUTRU',
      receivingUnitCode: UNIT,
      channel: 'counter',
      applicant: {
        name: 'Nguyễn Thị Hoa',
        citizenId: '046190001122',
        phone: '0912345678',
        address: { line: '8 Kim Long', communeCode: UNIT },
      },
      documents: [
        {
          type: 'residence-declaration',
          fileName: 'to-khai.pdf',
          sha256: randomBytes(32).toString('hex'),
          size: 80_000,
        },
      ],
    }),
  });
  if (response.status !== 201) throw new Error(`filing answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { code: string }).code;
}

async function queuePage(
  token: string,
  query: string,
): Promise<{ items: { code: string }[]; nextCursor: string | null }> {
  const response = await fetch(`${WEB}/api/routing/v1/work-items?${query}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`the work queue answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { items: { code: string }[]; nextCursor: string | null };
}

/** How many dossiers the unit's queue holds now, paged through as the browser would (200 a page). */
async function queueLength(token: string): Promise<number> {
  let count = 0;
  let cursor: string | null = null;
  do {
    const page = await queuePage(token, `limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    count += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return count;
}

async function fillTo(size: number, tokens: Tokens): Promise<number> {
  const present = await queueLength(tokens.specialist);
  let missing = Math.max(0, size - present);
  const began = performance.now();
  const filed = missing;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (missing > 0) {
        missing -= 1;
        await file(tokens.desk);
      }
    }),
  );
  if (filed)
    console.log(`bench: filed ${filed} dossiers at ${UNIT} in ${((performance.now() - began) / 1000).toFixed(1)} s`);
  // Until routing has taken them all in from Kafka.
  for (;;) {
    const length = await queueLength(tokens.specialist);
    if (length >= size) return length;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** From a filing's 201 to the dossier in the unit's work queue (routing took it from Kafka): the time a queue screen could show it at the earliest. */
async function arrivalLatency(tokens: Tokens): Promise<number> {
  const code = await file(tokens.desk);
  const filedAt = performance.now();
  for (;;) {
    const page = await queuePage(tokens.specialist, `code=${encodeURIComponent(code)}&limit=50`);
    if (page.items.some((item) => item.code === code)) return performance.now() - filedAt;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const ms = (values: number[], p: number) =>
  percentile(
    [...values].sort((a, b) => a - b),
    p,
  ).toFixed(0);

/**
 * `npm run bench:work-queue` (with `npm run up` running): fills one unit's queue to 10,000
 * dossiers through the real path (intake, Kafka, routing), then measures, through nginx, the first
 * page of 50 a queue screen asks for and how long a new filing takes to reach the queue.
 */
async function main(): Promise<void> {
  const issued = await tokens();
  const length = await fillTo(QUEUE_SIZE, issued);
  const firstPage: number[] = [];
  for (let run = 0; run < FIRST_PAGES; run++) {
    const began = performance.now();
    const page = await queuePage(issued.specialist, 'limit=50');
    firstPage.push(performance.now() - began);
    if (page.items.length !== 50) throw new Error(`the first page held ${page.items.length} items`);
  }
  const arrivals: number[] = [];
  for (let run = 0; run < ARRIVALS; run++) arrivals.push(await arrivalLatency(issued));
  const worst = Number(ms(arrivals, 99)) + BROWSER_REFRESH_MS;
  const body = `
\`npm run bench:work-queue\` with \`npm run up\` running (${new Date().toISOString().slice(0, 10)}, ${machine()}), through nginx at ${WEB}:
one unit's queue holding ${length} dossiers, filed at the counter and routed through Kafka.

| what | p50 | p99 |
|---|---|---|
| the first page of 50 (GET /api/routing/v1/work-items?limit=50), ${FIRST_PAGES} requests | ${ms(firstPage, 50)} ms | ${ms(firstPage, 99)} ms |
| a new filing's 201 until it is in the unit's queue, ${ARRIVALS} filings | ${ms(arrivals, 50)} ms | ${ms(arrivals, 99)} ms |

The queue screen asks again every ${BROWSER_REFRESH_MS / 1000} s, so a new dossier shows on an open screen at most about
${(worst / 1000).toFixed(1)} s after it is filed (p99 arrival + one refresh), and the first 50 of the
${length} show ${ms(firstPage, 99)} ms (p99) after the screen asks.`;
  writeSection('Work queue (10,000 items)', body);
  console.log(body);
}

main().catch(failAndExit('bench:work-queue'));
