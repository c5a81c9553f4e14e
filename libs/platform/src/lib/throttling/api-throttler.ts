import { ExecutionContext, HttpException, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  ThrottlerLimitDetail,
  ThrottlerModuleOptions,
  ThrottlerRequest,
  ThrottlerStorage,
} from '@nestjs/throttler';
import type { Request } from 'express';
import { Counter } from 'prom-client';
import type { RedisClientType } from 'redis';
import type { Principal } from '../auth/principal';
import { ProblemException } from '../errors/problem.exception';
import { HealthController } from '../health/health.controller';
import { MetricsController } from '../metrics/metrics.controller';
import { MetricsRegistry } from '../metrics/metrics.registry';
import { clientAddress, keyPart } from './client-address';
import { limitCall } from './redis-call';
import { RedisThrottlerStorage } from './redis-throttler-storage';
import { ThrottlingEnv } from './throttling-settings';

/** The two limits every request of the API passes. */
export type ApiLimit = 'address' | 'principal';

const MINUTE_MS = 60_000;
/** How long a request waits for Redis before it goes on unlimited. */
const STORAGE_TIMEOUT_MS = 250;

const CHECKING = Symbol('the limit being checked');
type LimitedRequest = Request & { principal?: Principal; [CHECKING]?: ApiLimit };

const principalOf = (context: ExecutionContext) => context.switchToHttp().getRequest<LimitedRequest>().principal;

/**
 * The counters in Redis shared by every replica (RedisThrottlerStorage: one Lua script, a fixed
 * window per key), reached through the service's own connection and never waited on: while
 * Redis is away or slow the call fails at once and the guard lets the request through.
 */
export class SharedThrottlerStorage implements ThrottlerStorage {
  private readonly counters: RedisThrottlerStorage;

  constructor(
    private readonly redis: RedisClientType,
    private readonly timeoutMs = STORAGE_TIMEOUT_MS,
  ) {
    this.counters = new RedisThrottlerStorage(redis);
  }

  increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): ReturnType<ThrottlerStorage['increment']> {
    return limitCall(
      this.redis,
      () => this.counters.increment(key, ttl, limit, blockDuration, throttlerName),
      this.timeoutMs,
    );
  }
}

/**
 * The limits of every service's API, per minute and per service: one client address (everyone,
 * with a token or without) and one account (the token's subject, once the AuthGuard has read
 * it). Keys carry a digest of the address or subject, not the value.
 */
export function apiThrottlerOptions(
  service: string,
  env: ThrottlingEnv,
  redis: RedisClientType,
): ThrottlerModuleOptions {
  return {
    throttlers: [
      {
        name: 'address' satisfies ApiLimit,
        ttl: MINUTE_MS,
        limit: env.API_RATE_LIMIT_PER_ADDRESS_PER_MINUTE,
        getTracker: (request) => clientAddress(request as Request),
      },
      {
        name: 'principal' satisfies ApiLimit,
        ttl: MINUTE_MS,
        limit: env.API_RATE_LIMIT_PER_MINUTE,
        skipIf: (context) => principalOf(context) === undefined,
        getTracker: (request) => (request as LimitedRequest).principal!.subject,
      },
    ],
    generateKey: (_context, tracker, name) => `${env.RATE_LIMIT_KEY_PREFIX}:${service}:api:${name}:${keyPart(tracker)}`,
    storage: new SharedThrottlerStorage(redis),
    // Retry-After on a 429 is all a client needs; no X-RateLimit-* headers on every answer.
    setHeaders: false,
  };
}

/**
 * @nestjs/throttler's guard with the platform's answers: 429 as problem+json with Retry-After
 * (seconds), health and metrics never limited, and open when the counters cannot be reached (the
 * limit protects the service; it does not decide what is correct, and a Redis outage must not
 * stop the province's desks). Registered after the AuthGuard, so it knows the principal.
 */
@Injectable()
export class ApiThrottlerGuard extends ThrottlerGuard {
  private readonly log = new Logger('RateLimit');
  private readonly limited: Counter<'limit'>;
  private readonly unchecked: Counter;
  private outage = false;

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    metrics: MetricsRegistry,
  ) {
    super(options, storage, reflector);
    this.limited = metrics.counter(
      'onestop_rate_limited_total',
      'Requests answered 429 by the API rate limit, by limit (address, principal)',
      ['limit'],
    );
    this.unchecked = metrics.counter(
      'onestop_rate_limit_unchecked_total',
      'Requests let through unlimited because the shared counters (Redis) did not answer',
    );
  }

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const controller = context.getClass();
    return controller === HealthController || controller === MetricsController;
  }

  protected override async handleRequest(requestProps: ThrottlerRequest): Promise<boolean> {
    const request = requestProps.context.switchToHttp().getRequest<LimitedRequest>();
    request[CHECKING] = requestProps.throttler.name as ApiLimit;
    try {
      const allowed = await super.handleRequest(requestProps);
      if (this.outage) this.log.log('rate limits checked again');
      this.outage = false;
      return allowed;
    } catch (error) {
      if (error instanceof HttpException) throw error;
      this.unchecked.inc();
      if (!this.outage) this.log.warn(`rate limits not checked, requests pass unlimited: ${(error as Error).message}`);
      this.outage = true;
      return true;
    }
  }

  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const limit = context.switchToHttp().getRequest<LimitedRequest>()[CHECKING] ?? 'address';
    this.limited.inc({ limit });
    throw tooManyRequests(limit, detail.limit, detail.timeToBlockExpire);
  }
}

/** The 429 of the API limit, saying which limit and when to come back. */
export function tooManyRequests(limit: ApiLimit, perMinute: number, retryAfterSeconds: number): ProblemException {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  const who = limit === 'principal' ? 'one account' : 'one address';
  return new ProblemException(429, 'Too many requests', {
    type: 'too-many-requests',
    detail: `at most ${perMinute} requests a minute from ${who} to this service; try again in ${seconds} s`,
    extensions: { limit, retryAfterSeconds: seconds },
  });
}
