import { Module } from '@nestjs/common';
import { ChannelsModule } from '../channels/channels.module';
import { RecipientsModule } from '../recipients/recipients.module';
import { TemplatesModule } from '../templates/templates.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { DeliveriesController } from './deliveries.controller';
import { DeliveriesService } from './deliveries.service';
import { DeliveriesStore } from './deliveries.store';
import { DeliveryDispatcher } from './delivery-dispatcher';
import { DeliveryQueueStore } from './delivery-queue.store';
import { NoticePlanner } from './notice-planner';
import { ProviderCallbacksController } from './provider-callbacks.controller';
import { ProviderReportsService } from './provider-reports.service';

/**
 * A notice becomes deliveries (one per recipient and channel), which the dispatcher sends and
 * retries; operators follow and retry them, gateways report on them.
 */
@Module({
  imports: [ChannelsModule, TemplatesModule, RecipientsModule, WebhooksModule],
  controllers: [DeliveriesController, ProviderCallbacksController],
  providers: [
    DeliveryQueueStore,
    DeliveriesStore,
    DeliveryDispatcher,
    NoticePlanner,
    DeliveriesService,
    ProviderReportsService,
  ],
  exports: [NoticePlanner],
})
export class DeliveriesModule {}
