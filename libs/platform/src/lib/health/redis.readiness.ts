import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { REDIS } from '../redis/redis.module';
import { probe, ReadinessCheck } from './readiness-check';

@Injectable()
export class RedisReadiness implements ReadinessCheck {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly indicators: HealthIndicatorService,
  ) {}

  check() {
    return probe(this.indicators, 'redis', 2_000, () => this.redis.ping());
  }
}
