import { startBroker } from '@onestop/local-stack';
import { TEST_KAFKA_BROKER_NAME, TEST_KAFKA_PORT, usesExternalKafka } from './lib/test-stack';

/**
 * Integration and end-to-end tests need the real broker. `npm test` starts it first; this makes
 * a direct `npx jest` work too (the broker is left running for the next run).
 */
export default async function globalSetup(): Promise<void> {
  if (usesExternalKafka()) return;
  await startBroker({ name: TEST_KAFKA_BROKER_NAME, port: TEST_KAFKA_PORT });
}
