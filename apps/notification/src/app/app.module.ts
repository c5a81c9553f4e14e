import { DynamicModule, Module } from '@nestjs/common';
import { createEventRegistry } from '@onestop/contracts';
import { EventDataModule, KafkaReadiness, MessagingModule } from '@onestop/messaging';
import { Clock, PlatformModule } from '@onestop/platform';
import { ReferenceDataModule } from '@onestop/reference-data';
import { ChannelRegistry } from '../channels/channel-registry';
import { notificationSchema } from '../database/schema';
import { DeliveriesController } from '../deliveries/deliveries.controller';
import { DeliveryDispatcher } from '../deliveries/delivery-dispatcher';
import { NoticePlanner } from '../deliveries/notice-planner';
import { ProviderCallbacksController } from '../deliveries/provider-callbacks.controller';
import { InboxController } from '../inbox/inbox.controller';
import { NotificationEnv } from '../notification.env';
import { ApologyNotifier, DueSoonNotifier, OverdueNotifier } from '../notices/deadline-notices.handlers';
import { DossierAssignedNotifier, DossierReceivedNotifier, DossierRefusedNotifier, StatusChangedNotifier } from '../notices/dossier-notices.handlers';
import { NoticeLinks } from '../notices/notice-links';
import { PreferencesController } from '../recipients/preferences.controller';
import { TemplatesController } from '../templates/templates.controller';
import { TemplateStore } from '../templates/template-store';
import { HostResolver } from '../webhooks/webhook-client';
import { WebhookSubscriptions } from '../webhooks/webhook-subscriptions';
import { WebhooksController } from '../webhooks/webhooks.controller';

@Module({})
export class AppModule {
  static register(env: NotificationEnv, clock?: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ service: 'notification', env, database: notificationSchema, readiness: [KafkaReadiness], clock }),
        MessagingModule.forRoot({ service: 'notification', registry: createEventRegistry() }),
        EventDataModule,
        ReferenceDataModule,
      ],
      controllers: [TemplatesController, PreferencesController, InboxController, DeliveriesController, ProviderCallbacksController, WebhooksController],
      providers: [
        TemplateStore,
        WebhookSubscriptions,
        HostResolver,
        ChannelRegistry,
        DeliveryDispatcher,
        NoticePlanner,
        NoticeLinks,
        DossierReceivedNotifier,
        DossierRefusedNotifier,
        StatusChangedNotifier,
        DossierAssignedNotifier,
        DueSoonNotifier,
        OverdueNotifier,
        ApologyNotifier,
      ],
    };
  }
}
