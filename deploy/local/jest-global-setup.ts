import { startBroker } from './kafka-broker';
import { TEST_BROKER, usesExternalKafka } from './test-broker';

/**
 * Integration and end-to-end tests need the real broker. `npm test` starts it first; this makes
 * a direct `npx jest` work too (the broker is left running for the next run).
 */
export default async function globalSetup(): Promise<void> {
  if (!usesExternalKafka()) await startBroker(TEST_BROKER);
}
