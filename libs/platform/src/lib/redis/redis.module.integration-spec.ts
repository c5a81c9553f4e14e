import { HealthIndicatorService } from '@nestjs/terminus';
import { AddressInfo, createServer, Server, Socket } from 'node:net';
import type { RedisClientType } from 'redis';
import { RedisReadiness } from '../health/redis.readiness';
import { closeRedis, connectRedis } from './redis.module';

const REDIS_URL = new URL(process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379');

/** A port nothing listens on yet, where a pass-through to Redis can be opened later. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Opens a loopback pass-through to the test Redis on `port` (libs/testing has one; the platform may not use it). */
async function passThroughToRedis(port: number): Promise<{ close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = new Socket();
    sockets.add(client).add(upstream);
    const close = () => [client, upstream].forEach((socket) => socket.destroy());
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
    upstream.connect(Number(REDIS_URL.port || 6379), REDIS_URL.hostname, () => client.pipe(upstream).pipe(client));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    close: async () => {
      sockets.forEach((socket) => socket.destroy());
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

const readiness = (redis: RedisClientType) => new RedisReadiness(redis, new HealthIndicatorService()).check();

describe('the Redis connection of a service', () => {
  const opened: RedisClientType[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map(closeRedis));
  });

  it('starts without Redis, failing commands at once and reporting not ready instead of waiting', async () => {
    const startedAt = Date.now();
    const redis = await connectRedis(`redis://127.0.0.1:${await freePort()}`);
    opened.push(redis);
    expect(Date.now() - startedAt).toBeLessThan(2_500);
    expect(redis.isReady).toBe(false);

    const askedAt = Date.now();
    await expect(redis.get('onestop:any')).rejects.toThrow();
    expect(Date.now() - askedAt).toBeLessThan(100);
    expect(await readiness(redis)).toEqual({ redis: { status: 'down', message: expect.any(String) } });
  });

  it('connects once Redis is there, and answers again', async () => {
    const port = await freePort();
    const redis = await connectRedis(`redis://127.0.0.1:${port}`);
    const proxy = await passThroughToRedis(port);
    try {
      const deadline = Date.now() + 5_000;
      while (!redis.isReady && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await redis.ping()).toBe('PONG');
      expect(await readiness(redis)).toEqual({ redis: { status: 'up' } });
    } finally {
      await closeRedis(redis);
      await proxy.close();
    }
  });

  it('closes at once while Redis is away, and closes a closed connection without failing', async () => {
    const redis = await connectRedis(`redis://127.0.0.1:${await freePort()}`);
    await closeRedis(redis);
    expect(redis.isOpen).toBe(false);
    await closeRedis(redis);
  });
});
