import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Clock, REDIS_CLIENT } from '@onestop/platform';
import type { RedisClientType } from 'redis';
import { InboxMessagesStore } from '../inbox/inbox-messages.store';
import { NotificationEnv } from '../notification.env';
import { PERSONAL_CHANNELS, PersonalChannel } from '../recipients/channel-plan';
import { TokenBuckets } from '../rate-limit/token-bucket';
import { Channel, NotificationKind } from '../domain/notification-kinds';
import { HostResolver } from '../webhooks/webhook-client';
import { WebhookSubscriptions } from '../webhooks/webhook-subscriptions';
import { ChannelAdapter } from './channel-adapter';
import { EmailAdapter } from './email.adapter';
import { InboxAdapter } from './inbox.adapter';
import { SmsAdapter } from './sms.adapter';
import { WebhookAdapter } from './webhook.adapter';
import { ZaloAdapter } from './zalo.adapter';

/** The adapters this deployment has: a channel without settings (no SMTP_URL, no gateway) is not used. */
@Injectable()
export class ChannelRegistry implements OnApplicationShutdown {
  private readonly adapters = new Map<Channel, ChannelAdapter>();

  constructor(
    env: NotificationEnv,
    @Inject(REDIS_CLIENT) redis: RedisClientType,
    inboxMessages: InboxMessagesStore,
    clock: Clock,
    subscriptions: WebhookSubscriptions,
    resolver: HostResolver,
  ) {
    const buckets = new TokenBuckets(redis, 'notification:rate');
    const add = (adapter: ChannelAdapter) => this.adapters.set(adapter.channel, adapter);
    if (env.SMTP_URL)
      add(
        new EmailAdapter(
          {
            url: env.SMTP_URL,
            from: env.SMTP_FROM,
            connections: env.SMTP_CONNECTIONS,
            ratePerSecond: env.SMTP_RATE_PER_SECOND,
          },
          buckets,
        ),
      );
    if (env.SMS_PROVIDERS.length > 0) add(new SmsAdapter(env.SMS_PROVIDERS, buckets, env.PROVIDER_TIMEOUT_MS));
    if (env.ZALO_API_URL) {
      add(
        new ZaloAdapter(
          {
            apiUrl: env.ZALO_API_URL,
            accessToken: env.ZALO_ACCESS_TOKEN!,
            templates: env.ZALO_TEMPLATES,
            ratePerSecond: env.ZALO_RATE_PER_SECOND,
            timeoutMs: env.PROVIDER_TIMEOUT_MS,
          },
          buckets,
        ),
      );
    }
    add(new InboxAdapter(inboxMessages, () => clock.now()));
    add(
      new WebhookAdapter(subscriptions, buckets, {
        ratePerSecond: env.WEBHOOK_RATE_PER_SECOND,
        timeoutMs: env.PROVIDER_TIMEOUT_MS,
        policy: env.webhookPolicy,
        resolver,
      }),
    );
  }

  adapter(channel: string): ChannelAdapter | undefined {
    return this.adapters.get(channel as Channel);
  }

  /** The personal channels a notice of `kind` can go out on here. */
  usableFor(kind: NotificationKind): Set<PersonalChannel> {
    const usable = new Set<PersonalChannel>();
    for (const channel of PERSONAL_CHANNELS) if (this.adapters.get(channel)?.handles(kind)) usable.add(channel);
    return usable;
  }

  async onApplicationShutdown(): Promise<void> {
    for (const adapter of this.adapters.values()) await adapter.close?.();
  }
}
