import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig, PlatformEnv, serviceDefaults } from '@onestop/platform';
import { rebuildReadModel } from '@onestop/reporting';
import { failAndExit } from './stack/cli';

/**
 * `npm run reporting:rebuild`: replays every topic reporting reads from offset 0 into fresh tables
 * and switches the live service over to them, with the settings the reporting service runs with
 * (DATABASE_URL or REPORTING_DATABASE_URL, KAFKA_BROKERS, KAFKA_GROUP_ID). The service keeps
 * answering throughout; the replaced tables stay in a schema `reporting_before_<time>`.
 */
async function main(): Promise<void> {
  Logger.overrideLogger(['error', 'warn']);
  const databaseUrl = process.env['REPORTING_DATABASE_URL'] ?? process.env['DATABASE_URL'];
  const env = loadConfig(
    PlatformEnv,
    { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn' },
    serviceDefaults('reporting'),
  );
  const outcome = await rebuildReadModel(env, { log: (line) => console.log(line) });
  console.log(
    `rebuild: ${outcome.eventsApplied} events replayed in ${outcome.seconds.toFixed(1)} s; the previous read model is in schema ${outcome.previousSchema}`,
  );
}

main().then(() => process.exit(0), failAndExit('reporting:rebuild'));
