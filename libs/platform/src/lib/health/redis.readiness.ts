import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { RedisClientType } from 'redis';
import { REDIS_CLIENT } from '../redis/redis.module';
import { probe, ReadinessCheck } from './readiness-check';

@Injectable()
export class RedisReadiness implements ReadinessCheck {
  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: RedisClientType,
    private readonly indicators: HealthIndicatorService,
  ) {}

  check() {
    return probe(this.indicators, 'redis', 2_000, () => this.redis.ping());
  }
}
