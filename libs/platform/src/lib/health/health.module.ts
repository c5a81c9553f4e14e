import { DynamicModule, Module, Type } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController, READINESS_CHECKS } from './health.controller';
import { PostgresReadiness } from './postgres.readiness';
import { ReadinessCheck } from './readiness-check';
import { RedisReadiness } from './redis.readiness';

@Module({})
export class HealthModule {
  /** PostgreSQL and Redis are always checked; `extra` adds checks such as Kafka's. */
  static forRoot(extra: Type<ReadinessCheck>[] = []): DynamicModule {
    const checks = [PostgresReadiness, RedisReadiness, ...extra];
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [HealthController],
      providers: [
        ...checks,
        { provide: READINESS_CHECKS, useFactory: (...instances: ReadinessCheck[]) => instances, inject: checks },
      ],
    };
  }
}
