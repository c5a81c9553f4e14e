import { Module } from '@nestjs/common';
import { HostResolver } from './webhook-client';
import { WebhookSubscriptions } from './webhook-subscriptions';
import { WebhookSubscriptionsStore } from './webhook-subscriptions.store';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

/** Tenants' webhook subscriptions: their API, and the active ones every notice is matched against. */
@Module({
  controllers: [WebhooksController],
  providers: [WebhookSubscriptionsStore, WebhookSubscriptions, WebhooksService, HostResolver],
  exports: [WebhookSubscriptions, HostResolver],
})
export class WebhooksModule {}
