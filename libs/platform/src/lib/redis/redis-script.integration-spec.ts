import { createHash, randomBytes } from 'node:crypto';
import { createClient, RedisClientType } from 'redis';
import { RedisScript } from './redis-script';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

describe('RedisScript', () => {
  let redis: RedisClientType;

  beforeAll(async () => {
    redis = createClient({ url: REDIS_URL });
    await redis.connect();
  });

  afterAll(async () => {
    await redis.close();
  });

  it('sends a script Redis does not know yet whole, and Redis keeps it for the calls by its hash', async () => {
    // A text no one ran before, so Redis cannot have it cached.
    const source = `-- ${randomBytes(8).toString('hex')}\nreturn {KEYS[1], ARGV[1] + ARGV[2]}`;
    const sha1 = createHash('sha1').update(source).digest('hex');
    const script = new RedisScript(source);
    expect(await redis.scriptExists(sha1)).toEqual([0]);

    expect(await script.run(redis, ['a-key'], [40, 2])).toEqual(['a-key', 42]);
    expect(await redis.scriptExists(sha1)).toEqual([1]);
    expect(await script.run(redis, ['b-key'], ['1', 1])).toEqual(['b-key', 2]);
  });

  it('passes on what the script fails with', async () => {
    const script = new RedisScript(`return redis.error_reply('refused ${randomBytes(4).toString('hex')}')`);
    await expect(script.run(redis, [])).rejects.toThrow(/refused/);
  });
});
