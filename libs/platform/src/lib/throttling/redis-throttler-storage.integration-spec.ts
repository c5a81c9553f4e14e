import { randomBytes } from 'node:crypto';
import { createClient, RedisClientType } from 'redis';
import { RedisThrottlerStorage } from './redis-throttler-storage';

type ThrottlerRecord = Awaited<ReturnType<RedisThrottlerStorage['increment']>>;

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const MINUTE_MS = 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('RedisThrottlerStorage', () => {
  let redis: RedisClientType;
  let storage: RedisThrottlerStorage;
  let key: string;

  beforeAll(async () => {
    redis = createClient({ url: REDIS_URL });
    await redis.connect();
    storage = new RedisThrottlerStorage(redis);
  });

  beforeEach(() => {
    key = `onestop:ratelimit:test-storage-${randomBytes(6).toString('hex')}`;
  });

  afterEach(async () => {
    const keys = await redis.keys(`{${key}:*`);
    if (keys.length) await redis.del(keys);
  });

  afterAll(async () => {
    await redis.close();
  });

  it('counts the hits of a window, telling its time left in seconds', async () => {
    const first = await storage.increment(key, MINUTE_MS, 3, MINUTE_MS, 'address');
    expect(first).toEqual({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
    await storage.increment(key, MINUTE_MS, 3, MINUTE_MS, 'address');
    const third = await storage.increment(key, MINUTE_MS, 3, MINUTE_MS, 'address');
    expect(third).toMatchObject({ totalHits: 3, isBlocked: false, timeToBlockExpire: 0 });
    expect(third.timeToExpire).toBeGreaterThanOrEqual(59);
    expect(third.timeToExpire).toBeLessThanOrEqual(60);
    // The window is fixed from its first hit: Redis holds it for the ttl in milliseconds.
    expect(await redis.pTTL(`{${key}:address}:hits`)).toBeGreaterThan(MINUTE_MS - 5_000);
  });

  it('blocks the key past the limit for the block duration, whatever the window has left', async () => {
    for (let i = 0; i < 2; i++) await storage.increment(key, MINUTE_MS, 2, 30_000, 'principal');
    const over = await storage.increment(key, MINUTE_MS, 2, 30_000, 'principal');
    expect(over).toMatchObject({ totalHits: 3, isBlocked: true, timeToBlockExpire: 30 });
    const still = await storage.increment(key, MINUTE_MS, 2, 30_000, 'principal');
    expect(still).toMatchObject({ totalHits: 4, isBlocked: true });
    expect(still.timeToBlockExpire).toBeGreaterThanOrEqual(29);
    expect(still.timeToBlockExpire).toBeLessThanOrEqual(30);
  });

  it('blocks again after a block that ended within the window, the count going on', async () => {
    await storage.increment(key, MINUTE_MS, 1, 200, 'address');
    expect((await storage.increment(key, MINUTE_MS, 1, 200, 'address')).isBlocked).toBe(true);
    await sleep(300);
    expect(await storage.increment(key, MINUTE_MS, 1, 200, 'address')).toMatchObject({
      totalHits: 3,
      isBlocked: true,
      timeToBlockExpire: 1,
    });
  });

  it('starts afresh once both the window and the block have run out', async () => {
    await storage.increment(key, 200, 1, 200, 'address');
    expect((await storage.increment(key, 200, 1, 200, 'address')).isBlocked).toBe(true);
    await sleep(300);
    expect(await storage.increment(key, 200, 1, 200, 'address')).toEqual({
      totalHits: 1,
      timeToExpire: 1,
      isBlocked: false,
      timeToBlockExpire: 0,
    });
  });

  it('lifts a block key that has no expiry, starting the count afresh', async () => {
    await storage.increment(key, MINUTE_MS, 5, MINUTE_MS, 'address');
    await redis.set(`{${key}:address}:blocked`, '1');
    expect(await storage.increment(key, MINUTE_MS, 5, MINUTE_MS, 'address')).toMatchObject({
      totalHits: 1,
      timeToExpire: 60,
      isBlocked: false,
    });
    expect(await redis.exists(`{${key}:address}:blocked`)).toBe(0);
  });

  it('opens a new window once the last has expired', async () => {
    await storage.increment(key, 200, 5, 200, 'address');
    expect((await storage.increment(key, 200, 5, 200, 'address')).totalHits).toBe(2);
    await sleep(300);
    expect(await storage.increment(key, 200, 5, 200, 'address')).toEqual({
      totalHits: 1,
      timeToExpire: 1,
      isBlocked: false,
      timeToBlockExpire: 0,
    });
  });

  it('counts each throttler of one key apart, under one hash tag per throttler', async () => {
    await storage.increment(key, MINUTE_MS, 1, MINUTE_MS, 'address');
    expect((await storage.increment(key, MINUTE_MS, 1, MINUTE_MS, 'address')).isBlocked).toBe(true);
    expect(await storage.increment(key, MINUTE_MS, 1, MINUTE_MS, 'principal')).toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
    expect((await redis.keys(`{${key}:*`)).sort()).toEqual([
      `{${key}:address}:blocked`,
      `{${key}:address}:hits`,
      `{${key}:principal}:hits`,
    ]);
  });

  it('counts hits sent at once exactly, as one script per hit', async () => {
    const records: ThrottlerRecord[] = await Promise.all(
      Array.from({ length: 20 }, () => storage.increment(key, MINUTE_MS, 10, MINUTE_MS, 'address')),
    );
    expect(records.map((record) => record.totalHits).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect(records.filter((record) => record.isBlocked)).toHaveLength(10);
  });
});
