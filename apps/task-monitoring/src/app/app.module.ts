import { DynamicModule, Module } from '@nestjs/common';
import { CalendarModule } from '@onestop/calendar';
import { createEventRegistry } from '@onestop/contracts';
import { KafkaReadiness, MessagingModule } from '@onestop/messaging';
import { Clock, PlatformModule } from '@onestop/platform';
import { taskMonitoringSchema } from '../database/schema';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { TaskMonitoringEnv } from '../task-monitoring.env';
import { TasksModule } from '../tasks/tasks.module';

@Module({})
export class AppModule {
  static register(env: TaskMonitoringEnv, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({
          service: 'task-monitoring',
          env,
          database: taskMonitoringSchema,
          readiness: [KafkaReadiness],
          clock,
        }),
        MessagingModule.forRoot({ service: 'task-monitoring', registry: createEventRegistry() }),
        CalendarModule,
        DeadlinesModule,
        TasksModule,
      ],
    };
  }
}
