import { SERVICE_NAMES, ServiceName } from '@onestop/contracts';
import { MessagingRuntime } from '@onestop/messaging';
import { PlatformEnv } from '@onestop/platform';
import { createTestDatabase, RunningService, startTestService, TcpProxy, TestDatabase } from '@onestop/testing';
import request from 'supertest';
import { SERVICES } from './services';

/**
 * Every service boots as in production against the real PostgreSQL, Redis and Kafka, reports
 * ready, and reports not-ready (503, naming PostgreSQL) once its database becomes unreachable.
 * The database sits behind a proxy the test can cut, so only this service loses it.
 */
describe.each(SERVICE_NAMES)('%s service', (service: ServiceName) => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let running: RunningService<PlatformEnv>;

  beforeAll(async () => {
    database = await createTestDatabase(service, SERVICES[service].schema);
    proxy = new TcpProxy('127.0.0.1', 5432);
    const port = await proxy.start();
    const url = new URL(database.url);
    url.host = `127.0.0.1:${port}`;
    running = await startTestService(SERVICES[service].definition, { DATABASE_URL: url.toString() });
    await running.app.get(MessagingRuntime).whenStarted();
  }, 60_000);

  afterAll(async () => {
    await running?.close();
    await proxy?.cut();
    await database?.drop();
  }, 30_000);

  it('is live and ready with PostgreSQL, Redis and Kafka up', async () => {
    await request(running.url).get('/health/live').expect(200);
    const ready = await request(running.url).get('/health/ready').expect(200);
    expect(ready.body.details).toEqual({
      postgres: { status: 'up' },
      redis: { status: 'up' },
      kafka: { status: 'up' },
    });
  });

  it('serves Prometheus metrics and its OpenAPI document', async () => {
    const metrics = await request(running.url).get('/metrics').expect(200);
    expect(metrics.text).toContain(`process_cpu_seconds_total{service="${service}"}`);
    const docs = await request(running.url).get('/docs-json').expect(200);
    expect(docs.body.info.title).toBe(`OneStop ${service}`);
  });

  it('answers an unknown route with problem+json and echoes the correlation id', async () => {
    const response = await request(running.url).get('/no-such-route').set('x-correlation-id', 'trace-42').expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['x-correlation-id']).toBe('trace-42');
    expect(response.body).toMatchObject({ status: 404, instance: '/no-such-route' });
  });

  it('reports not ready, naming PostgreSQL, when its database is unreachable', async () => {
    await proxy.cut();
    const response = await request(running.url).get('/health/ready').expect(503);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.detail).toBe('unavailable: postgres');
    expect(response.body.checks.postgres.status).toBe('down');
    expect(response.body.checks.redis.status).toBe('up');
    await request(running.url).get('/health/live').expect(200);
  }, 15_000);
});
