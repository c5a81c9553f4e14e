import { DynamicModule, Module } from '@nestjs/common';
import { CalendarModule } from '@onestop/calendar';
import { createEventRegistry } from '@onestop/contracts';
import { KafkaReadiness, MessagingModule } from '@onestop/messaging';
import { Clock, PlatformEnv, PlatformModule } from '@onestop/platform';
import { reportingSchema } from '../database/schema';
import { IndicatorsModule } from '../indicators/indicators.module';
import { OpenDossiersModule } from '../open-dossiers/open-dossiers.module';
import { ProjectionsModule } from '../projections/projections.module';
import { TaskProgressModule } from '../task-progress/task-progress.module';

@Module({})
export class AppModule {
  static register(env: PlatformEnv, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({
          service: 'reporting',
          env,
          database: reportingSchema,
          readiness: [KafkaReadiness],
          clock,
        }),
        MessagingModule.forRoot({ service: 'reporting', registry: createEventRegistry() }),
        CalendarModule,
        ProjectionsModule,
        IndicatorsModule,
        OpenDossiersModule,
        TaskProgressModule,
      ],
    };
  }
}
