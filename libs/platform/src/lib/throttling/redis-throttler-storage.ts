import type { ThrottlerStorage } from '@nestjs/throttler';
import type { RedisClientType } from 'redis';
import { RedisScript } from '../redis/redis-script';

/** What the guard reads back from a hit (the package does not export the record's name). */
type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * One hit, in one step: count it in the key's fixed window (which the first hit opens for `ttl`
 * ms) and block the key for `blockDuration` ms once the count passes the limit. A block that
 * ends within the window does not reset the count, so the next hit blocks again; a block key
 * without expiry is lifted and the count starts afresh. The semantics of
 * @nest-lab/throttler-storage-redis, whose script (from wyattjoh/rate-limit-redis) this is.
 *
 * KEYS: hits, blocked. ARGV: ttl ms, limit, block ms.
 * Answers {total hits, ms until the window ends, 1 when blocked, ms until the block ends}.
 */
const INCREMENT = new RedisScript(`
local hitKey = KEYS[1]
local blockKey = KEYS[2]
local ttl = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local blockDuration = tonumber(ARGV[3])

local totalHits = redis.call('INCR', hitKey)
local timeToExpire = redis.call('PTTL', hitKey)
if timeToExpire <= 0 then
  redis.call('PEXPIRE', hitKey, ttl)
  timeToExpire = ttl
end

local isBlocked = redis.call('GET', blockKey)
local timeToBlockExpire = 0
if isBlocked then
  timeToBlockExpire = redis.call('PTTL', blockKey)
elseif totalHits > limit then
  redis.call('SET', blockKey, 1, 'PX', blockDuration)
  isBlocked = '1'
  timeToBlockExpire = blockDuration
end

if isBlocked and timeToBlockExpire <= 0 then
  redis.call('DEL', blockKey)
  redis.call('SET', hitKey, 1, 'PX', ttl)
  totalHits = 1
  timeToExpire = ttl
  isBlocked = false
end

return { totalHits, timeToExpire, isBlocked and 1 or 0, timeToBlockExpire }
`);

/**
 * @nestjs/throttler's counters in Redis, shared by every replica. The guard passes `ttl` and
 * `blockDuration` in milliseconds and reads the times back in seconds (its Retry-After).
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly redis: RedisClientType) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    // One hash tag, so both keys of a script share a slot on a Redis Cluster.
    const keys = [`{${key}:${throttlerName}}:hits`, `{${key}:${throttlerName}}:blocked`];
    const [totalHits, timeToExpireMs, isBlocked, timeToBlockExpireMs] = (await INCREMENT.run(this.redis, keys, [
      ttl,
      limit,
      blockDuration,
    ])) as [number, number, number, number];
    return {
      totalHits,
      timeToExpire: Math.ceil(timeToExpireMs / 1000),
      isBlocked: isBlocked === 1,
      timeToBlockExpire: Math.ceil(timeToBlockExpireMs / 1000),
    };
  }
}
