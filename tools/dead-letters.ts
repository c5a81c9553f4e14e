import 'reflect-metadata';
import { isServiceName, SERVICE_NAMES } from '@onestop/contracts';
import { createIdempotentProducer, createKafka, DeadLetterStore, kafkaSettings } from '@onestop/messaging';
import { loadConfig, PlatformEnv, serviceDefaults } from '@onestop/platform';
import { parseArgs } from 'node:util';
import { failAndExit } from './stack/cli';

const USAGE = `usage: npm run dead-letters -- list <service> | replay <service> [--event <event id>]... [--brokers host:port]`;

/**
 * Lists a service's dead letters, or puts them back on their original topics once the cause is
 * fixed. A replayed event keeps its id, so it is applied once however often it is replayed.
 */
async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      event: { type: 'string', multiple: true },
      brokers: { type: 'string', default: process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092' },
    },
  });
  const [command, group] = positionals;
  if (!['list', 'replay'].includes(command) || !group) throw new Error(USAGE);
  if (!isServiceName(group))
    throw new Error(`unknown service ${group}; consumer groups are the services: ${SERVICE_NAMES.join(', ')}`);
  // The Kafka settings (KAFKA_SASL_*, KAFKA_TLS*) as a service reads them; the tool uses no other setting.
  const env = loadConfig(
    PlatformEnv,
    { ...process.env, KAFKA_BROKERS: values.brokers },
    serviceDefaults(group, 'development'),
  );
  const kafka = createKafka(kafkaSettings(env, 'onestop-dead-letters'));
  const store = new DeadLetterStore(kafka);
  if (command === 'list') {
    const letters = await store.list(group);
    for (const letter of letters) {
      console.log(
        `${letter.failedAt}  ${letter.eventType ?? '?'} ${letter.eventId ?? '?'}  from ${letter.originalTopic}[${letter.originalPartition}]@${letter.originalOffset}  after ${letter.attempts} attempt(s): ${letter.error}`,
      );
    }
    console.log(`dead-letters: ${letters.length} for ${group}`);
    return;
  }
  const producer = createIdempotentProducer(kafka);
  await producer.connect();
  try {
    const replayed = await store.replay(group, producer, values.event);
    console.log(`dead-letters: replayed ${replayed.length} for ${group}`);
  } finally {
    await producer.disconnect();
  }
}

main().catch(failAndExit('dead-letters'));
