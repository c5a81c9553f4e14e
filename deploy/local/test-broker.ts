import { BrokerOptions } from './kafka-broker';

/**
 * The tests' own broker instance (port 19092), so `npm test` can run while `npm run up` serves
 * the platform on 9092. TEST_KAFKA_BROKERS points the tests at an external cluster instead.
 */
export const TEST_BROKER: BrokerOptions = { name: 'test', port: 19092 };

export function testKafkaBrokers(): string[] {
  const configured = process.env['TEST_KAFKA_BROKERS'];
  return configured ? configured.split(',') : [`127.0.0.1:${TEST_BROKER.port}`];
}

/** True when the tests run against an external cluster they must not stop or restart. */
export function usesExternalKafka(): boolean {
  return Boolean(process.env['TEST_KAFKA_BROKERS']);
}
