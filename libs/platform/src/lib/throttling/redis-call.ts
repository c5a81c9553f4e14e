import type { RedisClientType } from 'redis';
import { readyWithin } from '../redis/redis.module';

/** Redis did not answer the limits in time (away, reconnecting, or too slow). */
export class LimitsUnavailableError extends Error {
  constructor(reason: string) {
    super(`rate limits unavailable: ${reason}`);
    this.name = 'LimitsUnavailableError';
  }
}

/**
 * Runs a Redis command for a limit, or fails fast: at once when the connection is away (it is
 * reconnecting, or closed), and after `timeoutMs` when Redis is slow. `waitForReadyMs` lets a
 * caller that fails closed give a reconnecting Redis a moment first.
 */
export async function limitCall<T>(
  redis: RedisClientType,
  command: () => Promise<T>,
  timeoutMs: number,
  waitForReadyMs = 0,
): Promise<T> {
  if (!redis.isReady) {
    const state = redis.isOpen ? 'reconnecting' : 'closed';
    if (waitForReadyMs <= 0 || !redis.isOpen || !(await readyWithin(redis, waitForReadyMs)))
      throw new LimitsUnavailableError(`redis is ${state}`);
  }
  return within(timeoutMs, command(), `redis did not answer within ${timeoutMs} ms`);
}

function within<T>(ms: number, work: Promise<T>, reason: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new LimitsUnavailableError(reason)), ms);
  });
  // A late answer or failure of the command is dropped once the timeout has spoken.
  work.catch(() => undefined);
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
