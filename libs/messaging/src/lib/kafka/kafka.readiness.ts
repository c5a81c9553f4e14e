import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { probe, ReadinessCheck } from '@onestop/platform';
import { Admin, Kafka } from 'kafkajs';

/** Kafka is ready when the cluster answers a metadata request. */
@Injectable()
export class KafkaReadiness implements ReadinessCheck, OnApplicationShutdown {
  private admin: Admin | null = null;

  constructor(
    private readonly kafka: Kafka,
    private readonly indicators: HealthIndicatorService,
  ) {}

  check() {
    return probe(this.indicators, 'kafka', 3_000, async () => {
      try {
        if (!this.admin) {
          this.admin = this.kafka.admin();
          await this.admin.connect();
        }
        await this.admin.describeCluster();
      } catch (error) {
        await this.reset();
        throw error;
      }
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.reset();
  }

  private async reset(): Promise<void> {
    const admin = this.admin;
    this.admin = null;
    await admin?.disconnect().catch(() => undefined);
  }
}
