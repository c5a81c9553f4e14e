import { RedisScript } from '@onestop/platform';
import type { RedisClientType } from 'redis';
import { LAST_CALLED_SHOWN, QueueKeys, QueueTier, StoredTicket } from './queue-ticket';

/**
 * The queue's writes, each one Lua script so Redis runs it whole: two kiosks never get the same
 * number and two desks never call the same ticket. Every write renews the day's keys' expiry.
 */

/** KEYS: sequence, tickets, waitingPriority, waitingStandard, waitingByGroup. ARGV: tier, ticket JSON, ttl. Returns {number, waitingAhead}. */
const ISSUE_TICKET = new RedisScript(`
local sequence, tickets, waitingPriority, waitingStandard, waitingByGroup = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local tier, ticket, ttl = ARGV[1], cjson.decode(ARGV[2]), ARGV[3]
local number = redis.call('INCR', sequence)
local ahead = redis.call('ZCARD', waitingPriority)
if tier == 'priority' then
  redis.call('ZADD', waitingPriority, number, number)
else
  ahead = ahead + redis.call('ZCARD', waitingStandard)
  redis.call('ZADD', waitingStandard, number, number)
end
ticket.number = number
redis.call('HSET', tickets, number, cjson.encode(ticket))
redis.call('HINCRBY', waitingByGroup, ticket.priorityGroup, 1)
for _, key in ipairs(KEYS) do redis.call('EXPIRE', key, ttl) end
return {number, ahead}
`);

/** KEYS: tickets, waitingPriority, waitingStandard, waitingByGroup, called. ARGV: counter, calledAt, ttl. Returns the called ticket's JSON, or nil. */
const CALL_NEXT_TICKET = new RedisScript(`
local tickets, waitingPriority, waitingStandard, waitingByGroup, called = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local counter, calledAt, ttl = ARGV[1], ARGV[2], ARGV[3]
local next = redis.call('ZPOPMIN', waitingPriority)
if #next == 0 then next = redis.call('ZPOPMIN', waitingStandard) end
if #next == 0 then return false end
local ticket = cjson.decode(redis.call('HGET', tickets, next[1]))
ticket.counter = counter
ticket.calledAt = calledAt
local stored = cjson.encode(ticket)
redis.call('HSET', tickets, next[1], stored)
redis.call('HINCRBY', waitingByGroup, ticket.priorityGroup, -1)
redis.call('LPUSH', called, stored)
redis.call('LTRIM', called, 0, ${LAST_CALLED_SHOWN - 1})
for _, key in ipairs(KEYS) do redis.call('EXPIRE', key, ttl) end
return stored
`);

type NewTicket = Omit<StoredTicket, 'number' | 'counter' | 'calledAt'>;

export interface QueueCommands {
  issueTicket(
    keys: QueueKeys,
    tier: QueueTier,
    ticket: NewTicket,
    ttlSeconds: number,
  ): Promise<{ number: number; waitingAhead: number }>;
  /** The ticket called, or null when nobody waits. */
  callNextTicket(keys: QueueKeys, counter: string, calledAt: string, ttlSeconds: number): Promise<StoredTicket | null>;
}

/** The queue's scripts on the connection (run by EVALSHA, sent whole only when Redis lacks them). */
export function queueCommands(redis: RedisClientType): QueueCommands {
  return {
    async issueTicket(keys, tier, ticket, ttlSeconds) {
      const [number, waitingAhead] = (await ISSUE_TICKET.run(
        redis,
        [keys.sequence, keys.tickets, keys.waitingPriority, keys.waitingStandard, keys.waitingByGroup],
        [tier, JSON.stringify(ticket), ttlSeconds],
      )) as [number, number];
      return { number, waitingAhead };
    },
    async callNextTicket(keys, counter, calledAt, ttlSeconds) {
      const called = (await CALL_NEXT_TICKET.run(
        redis,
        [keys.tickets, keys.waitingPriority, keys.waitingStandard, keys.waitingByGroup, keys.called],
        [counter, calledAt, ttlSeconds],
      )) as string | null;
      return called === null ? null : (JSON.parse(called) as StoredTicket);
    },
  };
}
