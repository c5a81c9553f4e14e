import { RedisScript } from '@onestop/platform';
import type { RedisClientType } from 'redis';

/**
 * Refills the bucket for the time passed (Redis' own clock, so replicas agree), takes one token
 * when there is one, and answers [taken, milliseconds until a token is there].
 */
const TAKE = new RedisScript(`
local capacity = tonumber(ARGV[1])
local per_ms = tonumber(ARGV[2])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) * per_ms)
local taken = 0
if tokens >= 1 then
  tokens = tokens - 1
  taken = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / per_ms) + 1000)
if taken == 1 then return {1, 0} end
return {0, math.ceil((1 - tokens) / per_ms)}
`);

export interface Take {
  taken: boolean;
  /** When none was taken: how long until the bucket has a token again. */
  retryAfterMs: number;
}

/**
 * Token buckets in Redis, shared by every replica: `ratePerSecond` tokens a second, up to
 * `burst` saved up. One round trip per take.
 */
export class TokenBuckets {
  constructor(
    private readonly redis: RedisClientType,
    private readonly prefix: string,
  ) {}

  async take(bucket: string, ratePerSecond: number, burst = Math.max(1, ratePerSecond)): Promise<Take> {
    const [taken, retryAfterMs] = (await TAKE.run(
      this.redis,
      [`${this.prefix}:${bucket}`],
      [burst, ratePerSecond / 1000],
    )) as [number, number];
    return { taken: taken === 1, retryAfterMs };
  }
}
