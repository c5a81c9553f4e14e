import { DynamicModule, Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';

export const REDIS = Symbol('REDIS');

/**
 * One Redis connection per service. Commands fail fast while Redis is away instead of queueing
 * without bound, so readiness reports it and callers get an error they can handle.
 */
@Global()
@Module({})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  static forRoot(url: string): DynamicModule {
    return {
      module: RedisModule,
      providers: [
        {
          provide: REDIS,
          useFactory: () => connectRedis(url),
        },
      ],
      exports: [REDIS],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/**
 * A connection as services hold them; `context` names its user in the outage warnings and
 * `connectionName` the connection in Redis's CLIENT LIST.
 */
export function connectRedis(url: string, context = 'Redis', connectionName?: string): Redis {
  const logger = new Logger(context);
  const redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2_000, connectionName });
  let reported = false;
  // Without a listener ioredis prints every reconnect failure; one warning per outage is enough.
  redis.on('error', (error) => {
    if (!reported) logger.warn(`redis unavailable: ${error.message}`);
    reported = true;
  });
  redis.on('ready', () => {
    if (reported) logger.log('redis available again');
    reported = false;
  });
  return redis;
}
