import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { EVENT_TOPIC_SPECS, TOPICS } from '@onestop/contracts';
import { resetBroker, startBroker, stopBroker } from '@onestop/local-stack';
import { ensureTopics } from '@onestop/messaging';
import { notificationSchema } from '@onestop/notification';
import { SmtpSink, startSmtpSink } from '@onestop/notification/testing';
import { createTestDatabase, dossierReceivedEvent, publishEvents } from '@onestop/testing';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { failAndExit } from '../stack/cli';
import { ROOT } from '../stack/run';
import { machine, percentile, writeSection } from './report';
import { startServiceProcess, stopAll } from './service-process';

const BURST = Number(process.env['BENCH_BURST'] ?? 10_000);
const STEADY_RATE = Number(process.env['BENCH_STEADY_RATE'] ?? 250);
const STEADY_SECONDS = Number(process.env['BENCH_SECONDS'] ?? 20);
const PORT = Number(process.env['BENCH_NOTIFICATION_PORT'] ?? 3904);
const BROKER = { name: 'bench', port: 19292 };
const KEY_FILE = join(ROOT, '.data', 'bench', 'auth-key.json');

/** A receipt-worthy event, as intake publishes it, for an applicant with a unique address. */
function receivedEvent(n: number) {
  return dossierReceivedEvent({
    code: `19753-261124-${String(n % 10_000).padStart(4, '0')}`,
    applicant: { name: 'Nguyễn Văn An', phone: '0912345678', email: `a${n}@bench.example.vn` },
    at: new Date(),
  });
}

/** Sends events numbered [from, to) and notes when each left. */
async function produce(producer: Producer, from: number, to: number, sentAt: Map<string, number>): Promise<void> {
  const events = [];
  for (let n = from; n < to; n++) events.push(receivedEvent(n));
  const at = performance.now();
  for (let n = from; n < to; n++) sentAt.set(`a${n}@bench.example.vn`, at);
  await publishEvents(producer, TOPICS.dossier, events);
}

async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`${what}: not reached in ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function latencies(smtp: SmtpSink, sentAt: Map<string, number>, from: number): number[] {
  return smtp.received
    .slice(from)
    .map((mail) => mail.acceptedAt - (sentAt.get(mail.to[0]) ?? NaN))
    .filter((ms) => !Number.isNaN(ms))
    .sort((a, b) => a - b);
}

async function main(): Promise<void> {
  Logger.overrideLogger(['error']);
  await resetBroker(BROKER);
  const { brokers } = await startBroker(BROKER);
  const database = await createTestDatabase('bench-notification', notificationSchema);
  const smtp = await startSmtpSink();
  const kafka = new Kafka({ clientId: 'bench-notification', brokers: brokers.split(','), logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  let service: ChildProcess[] = [];
  try {
    await ensureTopics(kafka, EVENT_TOPIC_SPECS, 1);
    await producer.connect();
    service = [
      await startServiceProcess('notification', PORT, {
        DATABASE_URL: database.url,
        KAFKA_BROKERS: brokers,
        AUTH_DEV_KEY_FILE: KEY_FILE,
        KAFKA_GROUP_ID: 'bench-notification',
        SMTP_URL: smtp.url,
        SMTP_RATE_PER_SECOND: '100000',
      }),
    ];
    const sentAt = new Map<string, number>();

    // Warm-up: connections, JIT, template cache.
    await produce(producer, 0, 500, sentAt);
    await until(() => smtp.received.length >= 500, 120_000, 'warm-up e-mails');

    // Throughput: a burst of events at once, timed from the send to the last SMTP acceptance.
    const burstStart = smtp.received.length;
    const began = performance.now();
    for (let n = 500; n < 500 + BURST; n += 1_000) await produce(producer, n, Math.min(500 + BURST, n + 1_000), sentAt);
    await until(() => smtp.received.length >= burstStart + BURST, 600_000, 'the burst delivered');
    const burstSeconds = (smtp.received[burstStart + BURST - 1].acceptedAt - began) / 1000;
    const throughput = BURST / burstSeconds;

    // Latency: a steady STEADY_RATE events a second, each timed from its send to its acceptance.
    const steadyStart = smtp.received.length;
    const steadyTotal = STEADY_RATE * STEADY_SECONDS;
    let next = 500 + BURST;
    const steadyEnd = next + steadyTotal;
    const tick = 100;
    const steadyBegan = performance.now();
    while (next < steadyEnd) {
      const due = Math.min(
        steadyEnd,
        500 +
          BURST +
          Math.floor(((performance.now() - steadyBegan) / 1000) * STEADY_RATE) +
          STEADY_RATE / (1000 / tick),
      );
      if (due > next) {
        await produce(producer, next, due, sentAt);
        next = due;
      }
      await new Promise((resolve) => setTimeout(resolve, tick));
    }
    await until(() => smtp.received.length >= steadyStart + steadyTotal, 120_000, 'the steady e-mails delivered');
    const steady = latencies(smtp, sentAt, steadyStart);
    const burstLatencies = latencies(smtp, sentAt, burstStart).slice(0, BURST);

    const states: { state: string; count: number }[] = await database.dataSource.query(
      'SELECT state, count(*)::int AS count FROM deliveries GROUP BY state ORDER BY state',
    );
    const duplicates = smtp.received.length - new Set(smtp.received.map((mail) => mail.to[0])).size;
    const figures = {
      throughput: `${throughput.toFixed(0)} e-mails/s`,
      burst: `${BURST} events in ${burstSeconds.toFixed(1)} s (p50 ${percentile(burstLatencies, 50).toFixed(0)} ms, p99 ${percentile(burstLatencies, 99).toFixed(0)} ms while queued)`,
      steady: `${steadyTotal} events at ${STEADY_RATE}/s: p50 ${percentile(steady, 50).toFixed(0)} ms, p99 ${percentile(steady, 99).toFixed(0)} ms, max ${steady[steady.length - 1].toFixed(0)} ms`,
      deliveries: states.map((row) => `${row.state} ${row.count}`).join(', '),
      duplicates,
    };
    console.log(JSON.stringify(figures, null, 2));
    writeSection(
      'Notification: e-mails from event to SMTP acceptance (`npm run bench:notification`)',
      `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}. One notification process (as \`npm run up\` runs it) consumes
\`DossierReceived\` events from the local KRaft broker, plans the receipt (template, preferences, one
delivery row per channel, in the inbox transaction) and sends it over a pool of 8 SMTP connections
to a real SMTP server (smtp-server) on loopback in the benchmark's own process; SMS is not
configured, so each event is one e-mail. Latency runs from the producer's send to the server's
acceptance of the message (250 to DATA).

| measure | result | target |
|---|---|---|
| throughput (burst of ${BURST} events) | **${figures.throughput}** | ≥ 500 e-mails/s |
| burst | ${figures.burst} | |
| latency at a steady ${STEADY_RATE} events/s | ${figures.steady} | |
| deliveries | ${figures.deliveries}; ${duplicates} e-mails received twice | all delivered, none twice |

Broker, PostgreSQL, the service and the SMTP server share the machine's ${require('node:os').cpus().length} cores.`,
    );
  } finally {
    await stopAll(service);
    await producer.disconnect().catch(() => undefined);
    await smtp.close();
    await database.drop();
    await stopBroker(BROKER);
  }
}

main().then(() => process.exit(0), failAndExit('bench:notification'));
