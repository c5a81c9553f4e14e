import { DynamicModule, Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { createClient, RedisClientType } from 'redis';

/** The service's Redis connection, a node-redis `RedisClientType`. */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');

const CONNECT_TIMEOUT_MS = 2_000;
/** Reconnects back off by 50 ms more each attempt, to at most 2 s apart. */
const reconnectDelay = (retries: number) => Math.min((retries + 1) * 50, 2_000);

/**
 * One Redis connection per service. Commands fail fast while Redis is away instead of queueing
 * until it is back, so readiness reports it and callers get an error they can handle.
 */
@Global()
@Module({})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: RedisClientType) {}

  static forRoot(url: string): DynamicModule {
    return {
      module: RedisModule,
      providers: [
        {
          provide: REDIS_CLIENT,
          useFactory: () => connectRedis(url),
        },
      ],
      exports: [REDIS_CLIENT],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await closeRedis(this.redis);
  }
}

/**
 * A connection as services hold them; `context` names its user in the outage warnings and
 * `connectionName` the connection in Redis's CLIENT LIST. Resolves once the first attempt to
 * connect has succeeded or failed: a service starts without Redis, and reconnects until it is
 * there.
 */
export function connectRedis(url: string, context = 'Redis', connectionName?: string): Promise<RedisClientType> {
  const redis: RedisClientType = createClient({
    url,
    name: connectionName,
    // Without this, node-redis would hold every command of an outage until Redis is back.
    disableOfflineQueue: true,
    socket: { connectTimeout: CONNECT_TIMEOUT_MS, reconnectStrategy: reconnectDelay },
  });
  return startConnection(redis, context);
}

/**
 * Connects a client made here or by `duplicate()`: warns once per outage and keeps
 * reconnecting until the client is closed. node-redis emits an 'error' on every failed attempt,
 * and an 'error' without a listener would end the process.
 */
export async function startConnection(redis: RedisClientType, context: string): Promise<RedisClientType> {
  const logger = new Logger(context);
  let reported = false;
  redis.on('error', (error: Error) => {
    if (!reported) logger.warn(`redis unavailable: ${error.message}`);
    reported = true;
  });
  redis.on('ready', () => {
    if (reported) logger.log('redis available again');
    reported = false;
  });
  // connect() settles only once connected or closed: the attempts go on in the background.
  redis.connect().catch(() => undefined);
  await readyWithin(redis, CONNECT_TIMEOUT_MS, { untilError: true });
  return redis;
}

/**
 * Whether the connection is ready within `ms`; with `untilError`, stops waiting at the first
 * failed attempt.
 */
export function readyWithin(
  redis: RedisClientType,
  ms: number,
  options: { untilError?: boolean } = {},
): Promise<boolean> {
  if (redis.isReady) return Promise.resolve(true);
  return new Promise<boolean>((resolve) => {
    const settle = (ready: boolean) => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      redis.off('error', onError);
      resolve(ready);
    };
    const onReady = () => settle(true);
    const onError = () => {
      if (options.untilError) settle(false);
    };
    const timer = setTimeout(() => settle(false), ms);
    redis.once('ready', onReady);
    redis.on('error', onError);
  });
}

/** Closes a connection: waits for the replies under way when it is up, drops it at once when not. */
export async function closeRedis(redis: RedisClientType): Promise<void> {
  if (redis.isReady) await redis.close();
  else if (redis.isOpen) redis.destroy();
}
