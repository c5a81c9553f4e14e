import { Module } from '@nestjs/common';
import { InboxModule } from '../inbox/inbox.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { ChannelRegistry } from './channel-registry';

/** The ways out: e-mail, SMS, Zalo, the in-app inbox and webhooks, each behind one adapter interface. */
@Module({
  imports: [InboxModule, WebhooksModule],
  providers: [ChannelRegistry],
  exports: [ChannelRegistry],
})
export class ChannelsModule {}
