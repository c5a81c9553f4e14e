import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { EventEnvelope } from '@onestop/contracts';
import { probeFixture, startConsumerSide } from '@onestop/messaging/testing';
import { dataSourceOptions } from '@onestop/platform';
import { DataSource, EntityManager } from 'typeorm';

/** Records when each event was applied, in the consumer's own transaction. */
class TimingHandler {
  async handle(event: EventEnvelope, tx: EntityManager): Promise<void> {
    await tx.query('INSERT INTO bench_effects (event_id, applied_at) VALUES ($1, clock_timestamp())', [event.id]);
  }
}

/** The consuming service of the backbone benchmark, in its own process as in production. */
async function main(): Promise<void> {
  Logger.overrideLogger(['error']);
  const [databaseUrl, brokers, topic] = ['BENCH_DATABASE_URL', 'BENCH_BROKERS', 'BENCH_TOPIC'].map(
    (name) => process.env[name]!,
  );
  const dataSource = await new DataSource(
    dataSourceOptions(databaseUrl, { entities: [], migrations: [] }),
  ).initialize();
  const fixture = probeFixture('bench', topic);
  const side = await startConsumerSide({
    brokers: [brokers],
    databaseUrl,
    dataSource,
    registry: fixture.registry,
    topic: { name: topic, partitions: 12, retentionMs: -1 },
    handlerType: 'ProbeRecorded',
    handler: new TimingHandler(),
  });
  process.stdout.write('ready\n');
  process.on(
    'SIGTERM',
    () =>
      void side
        .stop()
        .then(() => dataSource.destroy())
        .then(() => process.exit(0)),
  );
}

void main();
