import { DynamicModule, Module } from '@nestjs/common';
import { createEventRegistry } from '@onestop/contracts';
import { KafkaReadiness, MessagingModule } from '@onestop/messaging';
import { Clock, PlatformModule } from '@onestop/platform';
import { ReferenceDataModule } from '@onestop/reference-data';
import { notificationSchema } from '../database/schema';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { InboxModule } from '../inbox/inbox.module';
import { NotificationEnv } from '../notification.env';
import { NoticesModule } from '../notices/notices.module';
import { RecipientsModule } from '../recipients/recipients.module';
import { TemplatesModule } from '../templates/templates.module';
import { WebhooksModule } from '../webhooks/webhooks.module';

/**
 * The feature modules, each importing only those before it (no folder imports a later one):
 * domain (the vocabulary) → templates, recipients, webhooks, inbox → channels → deliveries → notices.
 */
@Module({})
export class AppModule {
  static register(env: NotificationEnv, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({
          service: 'notification',
          env,
          database: notificationSchema,
          readiness: [KafkaReadiness],
          clock,
        }),
        MessagingModule.forRoot({ service: 'notification', registry: createEventRegistry() }),
        ReferenceDataModule,
        TemplatesModule,
        RecipientsModule,
        WebhooksModule,
        InboxModule,
        DeliveriesModule,
        NoticesModule,
      ],
    };
  }
}
