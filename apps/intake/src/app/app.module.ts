import { DynamicModule, Module } from '@nestjs/common';
import { createEventRegistry } from '@onestop/contracts';
import { KafkaReadiness, MessagingModule } from '@onestop/messaging';
import { Clock, PlatformEnv, PlatformModule } from '@onestop/platform';
import { intakeSchema } from '../database/schema';

@Module({})
export class AppModule {
  static register(env: PlatformEnv, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'intake', env, database: intakeSchema, readiness: [KafkaReadiness], clock }),
        MessagingModule.forRoot({ service: 'intake', registry: createEventRegistry() }),
      ],
    };
  }
}
