import { DynamicModule, Logger, Module, OnModuleInit } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, HttpAdapterHost } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type { RedisClientType } from 'redis';
import { REDIS_CLIENT } from '../redis/redis.module';
import { ApiThrottlerGuard, apiThrottlerOptions } from './api-throttler';
import { ThrottlingEnv, wrongTryLimits } from './throttling-settings';
import { parseTrustProxy, TrustProxy } from './trust-proxy';
import { WrongTryContext, WrongTries } from './wrong-tries';
import { WrongTryLimitInterceptor } from './wrong-try-limit';

class TrustProxySetting {
  constructor(readonly value: TrustProxy) {}
}

/**
 * Request limits of every service: the API's per address and per account (@nestjs/throttler,
 * counters in the shared Redis), the wrong-try locks of public look-ups (@WrongTryLimit), and
 * the client address they count by (Express's `trust proxy` from TRUST_PROXY, set here so
 * `req.ip` is the client's behind the Ingress and the peer's otherwise).
 *
 * PlatformModule imports it after AuthModule: global guards run in the order their modules are
 * scanned, and the API limit needs the principal the AuthGuard reads.
 */
@Module({})
export class ThrottlingModule implements OnModuleInit {
  private readonly log = new Logger('RateLimit');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly trustProxy: TrustProxySetting,
  ) {}

  static forRoot(service: string, env: ThrottlingEnv): DynamicModule {
    const context: WrongTryContext = { service, keyPrefix: env.RATE_LIMIT_KEY_PREFIX, limits: wrongTryLimits(env) };
    return {
      module: ThrottlingModule,
      imports: [
        ThrottlerModule.forRootAsync({
          inject: [REDIS_CLIENT],
          useFactory: (redis: RedisClientType) => apiThrottlerOptions(service, env, redis),
        }),
      ],
      providers: [
        { provide: TrustProxySetting, useValue: new TrustProxySetting(parseTrustProxy(env.TRUST_PROXY)) },
        { provide: WrongTryContext, useValue: context },
        WrongTries,
        { provide: APP_GUARD, useClass: ApiThrottlerGuard },
        { provide: APP_INTERCEPTOR, useClass: WrongTryLimitInterceptor },
      ],
    };
  }

  onModuleInit(): void {
    const instance = this.adapterHost.httpAdapter?.getInstance?.() as
      { set?: (name: string, value: unknown) => void } | undefined;
    if (typeof instance?.set !== 'function') return;
    instance.set('trust proxy', this.trustProxy.value);
    if (this.trustProxy.value !== false)
      this.log.log(
        `client addresses from X-Forwarded-For of trusted proxies: ${JSON.stringify(this.trustProxy.value)}`,
      );
  }
}
