import { DynamicModule, Module, Type } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ServiceName } from '@onestop/contracts';
import { AuthModule } from './auth/auth.module';
import { Clock, SystemClock } from './clock/clock';
import { PlatformEnv } from './config/platform-env';
import { dataSourceOptions, DatabaseSchema } from './database/database';
import { ProblemDetailsFilter } from './errors/problem-details.filter';
import { createValidationPipe } from './errors/validation';
import { HealthModule } from './health/health.module';
import { ReadinessCheck } from './health/readiness-check';
import { LoggingModule } from './logging/logging.module';
import { MetricsModule } from './metrics/metrics.module';
import { RedisModule } from './redis/redis.module';
import { ThrottlingModule } from './throttling/throttling.module';

export interface PlatformOptions {
  service: ServiceName;
  env: PlatformEnv;
  database: DatabaseSchema;
  /** Readiness checks besides PostgreSQL and Redis (Kafka's comes from the messaging module). */
  readiness?: Type<ReadinessCheck>[];
  clock?: Clock;
}

/**
 * What every service runs on: validated settings, JSON logs with correlation ids, metrics, its
 * database, Redis, authentication, request limits, problem+json errors, validation, health and the clock.
 */
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    const { env, service } = options;
    const envTokens = [...new Set([PlatformEnv, env.constructor as Type<PlatformEnv>])];
    return {
      module: PlatformModule,
      global: true,
      imports: [
        LoggingModule.forRoot({ service, level: env.LOG_LEVEL }),
        MetricsModule.forRoot(service),
        RedisModule.forRoot(env.REDIS_URL),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(env.DATABASE_URL, options.database),
          retryAttempts: 2,
          retryDelay: 1_000,
        }),
        AuthModule.forRoot(env),
        // After AuthModule: the API limit counts per principal, which the AuthGuard reads first.
        ThrottlingModule.forRoot(service, env),
        HealthModule.forRoot(options.readiness),
      ],
      providers: [
        ...envTokens.map((token) => ({ provide: token, useValue: env })),
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
      exports: [...envTokens, Clock],
    };
  }
}
