import { DynamicModule, Module } from '@nestjs/common';
import { createEventRegistry } from '@onestop/contracts';
import { KafkaReadiness, MessagingModule } from '@onestop/messaging';
import { CalendarModule } from '@onestop/calendar';
import { Clock, EventDataEnv, PlatformModule } from '@onestop/platform';
import { ReferenceDataModule } from '@onestop/reference-data';
import { routingSchema } from '../database/schema';
import { DossiersModule } from '../dossiers/dossiers.module';
import { OfficersModule } from '../officers/officers.module';

@Module({})
export class AppModule {
  static register(env: EventDataEnv, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({
          service: 'routing',
          env,
          database: routingSchema,
          readiness: [KafkaReadiness],
          clock,
        }),
        MessagingModule.forRoot({ service: 'routing', registry: createEventRegistry() }),
        ReferenceDataModule,
        CalendarModule,
        DossiersModule,
        OfficersModule,
      ],
    };
  }
}
