import { DynamicModule, Module } from '@nestjs/common';
import { createEventRegistry } from '@onestop/contracts';
import { KafkaReadiness, MessagingModule } from '@onestop/messaging';
import { Clock, PlatformEnv, PlatformModule } from '@onestop/platform';
import { notificationSchema } from '../database/schema';
import { TemplatesController } from '../templates/templates.controller';

@Module({})
export class AppModule {
  static register(env: PlatformEnv, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'notification', env, database: notificationSchema, readiness: [KafkaReadiness], clock }),
        MessagingModule.forRoot({ service: 'notification', registry: createEventRegistry() }),
      ],
      controllers: [TemplatesController],
    };
  }
}
