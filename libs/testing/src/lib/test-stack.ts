export { testKafkaBrokers, usesExternalKafka, TEST_BROKER } from '@onestop/local-stack';

export function postgresServerUrl(): string {
  return process.env['TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432';
}

export function testRedisUrl(): string {
  return process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
}
