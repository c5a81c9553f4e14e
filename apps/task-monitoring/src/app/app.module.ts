import { DynamicModule, Module } from '@nestjs/common';
import { createEventRegistry } from '@onestop/contracts';
import { KafkaReadiness, MessagingModule } from '@onestop/messaging';
import { Clock, PlatformEnv, PlatformModule } from '@onestop/platform';
import { taskMonitoringSchema } from '../database/schema';

@Module({})
export class AppModule {
  static register(env: PlatformEnv, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'task-monitoring', env, database: taskMonitoringSchema, readiness: [KafkaReadiness], clock }),
        MessagingModule.forRoot({ service: 'task-monitoring', registry: createEventRegistry() }),
      ],
    };
  }
}
