import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { probe, ReadinessCheck } from './readiness-check';

@Injectable()
export class PostgresReadiness implements ReadinessCheck {
  constructor(
    private readonly dataSource: DataSource,
    private readonly indicators: HealthIndicatorService,
  ) {}

  check() {
    return probe(this.indicators, 'postgres', 2_000, () => this.dataSource.query('SELECT 1'));
  }
}
