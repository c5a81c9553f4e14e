import type { Redis } from 'ioredis';

/** Redis did not answer the limits in time (away, reconnecting, or too slow). */
export class LimitsUnavailableError extends Error {
  constructor(reason: string) {
    super(`rate limits unavailable: ${reason}`);
    this.name = 'LimitsUnavailableError';
  }
}

/** The connection states of an outage: ioredis would hold a command through its reconnect attempts. */
const AWAY = new Set(['reconnecting', 'close', 'end']);

/**
 * Runs a Redis command for a limit, or fails fast: at once when the connection is away (the
 * shared connection would otherwise hold the command through its reconnect attempts), and after
 * `timeoutMs` when Redis is slow. `waitForReadyMs` lets a caller that fails closed give a
 * reconnecting Redis a moment first.
 */
export async function limitCall<T>(redis: Redis, command: () => Promise<T>, timeoutMs: number, waitForReadyMs = 0): Promise<T> {
  if (AWAY.has(redis.status)) {
    if (waitForReadyMs <= 0 || redis.status === 'end') throw new LimitsUnavailableError(`redis is ${redis.status}`);
    await readyWithin(redis, waitForReadyMs);
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

function readyWithin(redis: Redis, ms: number): Promise<void> {
  const status = redis.status;
  return new Promise<void>((resolve, reject) => {
    const ready = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      redis.off('ready', ready);
      reject(new LimitsUnavailableError(`redis is ${status}`));
    }, ms);
    redis.once('ready', ready);
  });
}
