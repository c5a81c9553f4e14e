import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { Public } from '../auth/auth.decorators';
import { ProblemException } from '../errors/problem.exception';
import { ReadinessCheck } from './readiness-check';

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

/**
 * Liveness says the process answers (restart it if not); readiness says its PostgreSQL, Redis
 * and Kafka answer too (send it traffic only then). Both answer 503 when not.
 */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
  ) {}

  @Get('live')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  @HealthCheck()
  async ready() {
    try {
      return await this.health.check(this.checks.map((check) => () => check.check()));
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const report = error.getResponse() as { details?: Record<string, unknown> };
      const down = Object.entries(report.details ?? {}).filter(
        ([, value]) => (value as { status?: string }).status !== 'up',
      );
      throw new ProblemException(503, 'Not ready', {
        detail: `unavailable: ${down.map(([name]) => name).join(', ')}`,
        extensions: { checks: report.details },
      });
    }
  }
}
