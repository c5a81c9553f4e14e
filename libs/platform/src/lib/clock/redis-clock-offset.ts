import type { RedisClientType } from 'redis';
import { readRedisTimeMs } from './simulated-clock-store';

/** One TIME round trip: the local real time it was sent and received at, and Redis's time read in between. */
export interface RedisTimeSample {
  sentMs: number;
  redisMs: number;
  receivedMs: number;
}

/**
 * How far Redis's clock is ahead of the local one. Redis read its clock somewhere during the
 * round trip, so taking the middle is off by at most half of it: the quickest round trip is the
 * closest, where a slow one (a busy event loop, a lost packet) would be off by more.
 */
export function offsetFromQuickest(samples: RedisTimeSample[]): number {
  const roundTrip = (sample: RedisTimeSample) => sample.receivedMs - sample.sentMs;
  const quickest = samples.reduce((best, sample) => (roundTrip(sample) < roundTrip(best) ? sample : best));
  return quickest.redisMs - (quickest.sentMs + quickest.receivedMs) / 2;
}

const ROUND_TRIPS = 3;

/** Redis's clock minus the local one (`realNow`), in milliseconds, from a few TIME round trips. */
export async function measureRedisClockOffset(redis: RedisClientType, realNow: () => number): Promise<number> {
  const samples: RedisTimeSample[] = [];
  for (let trip = 0; trip < ROUND_TRIPS; trip++) {
    const sentMs = realNow();
    const redisMs = await readRedisTimeMs(redis);
    samples.push({ sentMs, redisMs, receivedMs: realNow() });
  }
  return offsetFromQuickest(samples);
}
