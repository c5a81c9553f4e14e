import { keyPart, RedisScript } from '@onestop/platform';
import type { RedisClientType } from 'redis';

/** KEYS: the address's count, the unit's online count. ARGV: address limit, unit limit, ttl. Returns 'granted', 'address' or 'unit'. */
const TAKE_ONLINE_TICKET = new RedisScript(`
local byAddress, byUnit = KEYS[1], KEYS[2]
local addressLimit, unitLimit, ttl = tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3]
if tonumber(redis.call('GET', byAddress) or '0') >= addressLimit then return 'address' end
if tonumber(redis.call('GET', byUnit) or '0') >= unitLimit then return 'unit' end
redis.call('INCR', byAddress)
redis.call('INCR', byUnit)
redis.call('EXPIRE', byAddress, ttl)
redis.call('EXPIRE', byUnit, ttl)
return 'granted'
`);

export interface OnlineTicketLimits {
  perAddress: number;
  perUnit: number;
}

/** Who ran out of online tickets for the day: nobody, this address at this unit, or the unit. */
export type OnlineAllowance = 'granted' | 'address' | 'unit';

/**
 * Online numbers are counted per unit and day, per client address and in all, so one person
 * cannot take a day's numbers from home and walk-in citizens keep most of the day. Both checks
 * and both counts are one script: two requests at once cannot both take the last one.
 */
export function onlineAllowance(redis: RedisClientType) {
  return async (
    onlinePrefix: string,
    address: string,
    limits: OnlineTicketLimits,
    ttlSeconds: number,
  ): Promise<OnlineAllowance> =>
    (await TAKE_ONLINE_TICKET.run(
      redis,
      [`${onlinePrefix}:address:${keyPart(address)}`, `${onlinePrefix}:total`],
      [limits.perAddress, limits.perUnit, ttlSeconds],
    )) as OnlineAllowance;
}
