import { CallHandler, ExecutionContext, Inject, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Principal, ProblemException, REDIS } from '@onestop/platform';
import { Request, Response } from 'express';
import { Redis } from 'ioredis';
import { Observable } from 'rxjs';
import { NotificationEnv } from '../notification.env';
import { TokenBuckets } from './token-bucket';

/**
 * Each caller (account, or address when anonymous) may make API_RATE_LIMIT_PER_MINUTE requests a
 * minute, in bursts up to that many; beyond, 429 with Retry-After. Health and metrics are exempt.
 * While Redis is away requests pass: the limit protects the service, it does not gate correctness.
 * An interceptor, so it runs after authentication and counts per account.
 */
@Injectable()
export class ApiRateLimit implements NestInterceptor {
  private readonly logger = new Logger(ApiRateLimit.name);
  private readonly buckets: TokenBuckets;

  constructor(
    @Inject(REDIS) redis: Redis,
    private readonly env: NotificationEnv,
  ) {
    this.buckets = new TokenBuckets(redis, 'notification:api');
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (await this.allowed(context)) return next.handle();
    throw new ProblemException(429, 'Too many requests', { detail: `at most ${this.env.API_RATE_LIMIT_PER_MINUTE} requests a minute; try again later` });
  }

  private async allowed(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    if (request.path.startsWith('/health') || request.path === '/metrics') return true;
    const caller = request.principal ? `account:${request.principal.subject}` : `address:${request.ip}`;
    const limit = this.env.API_RATE_LIMIT_PER_MINUTE;
    let take;
    try {
      take = await this.buckets.take(caller, limit / 60, limit);
    } catch (error) {
      this.logger.warn(`rate limit not checked: ${(error as Error).message}`);
      return true;
    }
    if (take.taken) return true;
    const seconds = Math.max(1, Math.ceil(take.retryAfterMs / 1000));
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
    return false;
  }
}
