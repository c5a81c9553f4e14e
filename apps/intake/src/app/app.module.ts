import { DynamicModule, Module } from '@nestjs/common';
import { createEventRegistry } from '@onestop/contracts';
import { KafkaReadiness, MessagingModule } from '@onestop/messaging';
import { CalendarModule } from '@onestop/calendar';
import { Clock, PlatformModule } from '@onestop/platform';
import { ReferenceDataModule } from '@onestop/reference-data';
import { AdministrativeUnitsModule } from '../administrative-units/administrative-units.module';
import { ProvinceCalendarModule } from '../calendar/calendar.module';
import { intakeSchema } from '../database/schema';
import { DossiersModule } from '../dossiers/dossiers.module';
import { IntakeEnv } from '../intake.env';
import { ProceduresModule } from '../procedures/procedures.module';
import { QueueTicketsModule } from '../queue-tickets/queue-tickets.module';

@Module({})
export class AppModule {
  static register(env: IntakeEnv, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'intake', env, database: intakeSchema, readiness: [KafkaReadiness], clock }),
        MessagingModule.forRoot({ service: 'intake', registry: createEventRegistry() }),
        ReferenceDataModule,
        CalendarModule,
        AdministrativeUnitsModule,
        ProceduresModule,
        DossiersModule,
        QueueTicketsModule,
        ProvinceCalendarModule,
      ],
    };
  }
}
