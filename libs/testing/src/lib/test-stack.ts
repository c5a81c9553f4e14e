/**
 * Where the tests find the real servers. Tests use their own Kafka broker instance (port 19092)
 * so they can run while `npm run up` serves the platform on 9092.
 */
export const TEST_KAFKA_BROKER_NAME = 'test';
export const TEST_KAFKA_PORT = 19092;

export function testKafkaBrokers(): string[] {
  const configured = process.env['TEST_KAFKA_BROKERS'];
  return configured ? configured.split(',') : [`127.0.0.1:${TEST_KAFKA_PORT}`];
}

/** True when the tests run against an external cluster they must not stop or restart. */
export function usesExternalKafka(): boolean {
  return Boolean(process.env['TEST_KAFKA_BROKERS']);
}

export function postgresServerUrl(): string {
  return process.env['TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432';
}

export function testRedisUrl(): string {
  return process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
}
