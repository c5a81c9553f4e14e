import { INestApplication } from '@nestjs/common';
import { Clock, createServiceApp, loadConfig, PlatformEnv, ServiceDefinition } from '@onestop/platform';
import { randomBytes } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { testKafkaBrokers, testRedisUrl } from './test-stack';
import { TEST_AUDIENCE, TEST_ISSUER, TEST_KEY_FILE } from './test-tokens';

export interface RunningService<E extends PlatformEnv> {
  app: INestApplication;
  env: E;
  url: string;
  close(): Promise<void>;
}

/**
 * Boots a service as `main.ts` does (same module, pipes, filters, logging), on a free port,
 * against the real test servers. `env` overrides settings, e.g. the test's own database, or
 * CLOCK=simulated with the test's own CLOCK_KEY for the shared simulated clock (closed with the app).
 */
export async function startTestService<E extends PlatformEnv>(
  definition: ServiceDefinition<E>,
  env: Record<string, string>,
  options: { clock?: Clock } = {},
): Promise<RunningService<E>> {
  const config = loadConfig(definition.envClass, {
    NODE_ENV: 'test',
    PORT: '1',
    LOG_LEVEL: pinoLevel(process.env['TEST_LOG_LEVEL']),
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    REDIS_URL: testRedisUrl(),
    AUTH_DEV_KEY_FILE: TEST_KEY_FILE,
    AUTH_ISSUER: TEST_ISSUER,
    AUTH_AUDIENCE: TEST_AUDIENCE,
    // Tests and the simulation play a province's traffic from one address with a few accounts:
    // the API limits stand well above it, and each service counts in its own keys (tests run in
    // parallel on one Redis). A test of the limits sets its own.
    API_RATE_LIMIT_PER_MINUTE: '1000000',
    API_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '1000000',
    RATE_LIMIT_KEY_PREFIX: `onestop:ratelimit:test-${randomBytes(6).toString('hex')}`,
    ...env,
  });
  const app = await createServiceApp(definition, config, options.clock);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, env: config, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/** Services under test are silent unless TEST_LOG_LEVEL asks (Nest's `log` is pino's `info`). */
function pinoLevel(level: string | undefined): string {
  if (!level) return 'silent';
  return level === 'log' ? 'info' : level === 'verbose' ? 'debug' : level;
}
