import { Injectable, Logger } from '@nestjs/common';
import { afterCommit, Clock } from '@onestop/platform';
import { EntityManager } from 'typeorm';
import { ChannelRegistry } from '../channels/channel-registry';
import { NOTIFICATION_KINDS } from '../domain/notification-kinds';
import { NotificationEnv } from '../notification.env';
import { planChannels } from '../recipients/channel-plan';
import { PreferencesStore } from '../recipients/preferences.store';
import { CurrentTemplates } from '../templates/current-templates';
import { renderTemplate } from '../templates/template';
import { WebhookSubscriptions } from '../webhooks/webhook-subscriptions';
import { DeliveryDispatcher } from './delivery-dispatcher';
import { DeliveryDraft, DeliveryQueueStore } from './delivery-queue.store';
import { Notice } from './notice';

/** Values a tenant's system gets in a webhook: the facts, without people's names. */
const PERSONAL_VALUES = ['applicantName'];

/**
 * Turns a notice into deliveries, in the transaction that records the event in the inbox: one per
 * (event, recipient, channel), so a redelivered event finds them there and plans nothing new.
 * Sending happens after commit, in the dispatcher.
 */
@Injectable()
export class NoticePlanner {
  private readonly logger = new Logger(NoticePlanner.name);

  constructor(
    private readonly templates: CurrentTemplates,
    private readonly preferences: PreferencesStore,
    private readonly queue: DeliveryQueueStore,
    private readonly channels: ChannelRegistry,
    private readonly subscriptions: WebhookSubscriptions,
    private readonly dispatcher: DeliveryDispatcher,
    private readonly env: NotificationEnv,
    private readonly clock: Clock,
  ) {}

  async plan(tx: EntityManager, notice: Notice): Promise<void> {
    const drafts = [...(await this.personal(tx, notice)), ...(await this.webhooks(notice))];
    if (drafts.length === 0) return;
    const now = this.clock.now();
    const { critical } = NOTIFICATION_KINDS[notice.kind];
    const { dossier } = notice;
    const giveUpAt = new Date(now.getTime() + this.env.DELIVERY_RETRY_HORIZON_MS);
    const facts = {
      eventId: notice.event.id,
      kind: notice.kind,
      critical,
      dossierId: dossier.id,
      dossierCode: dossier.code,
      provinceCode: dossier.provinceCode,
      giveUpAt,
    };
    await this.queue.plan(tx, facts, drafts, now);
    afterCommit(tx, () => this.dispatcher.wake());
  }

  private async personal(tx: EntityManager, notice: Notice): Promise<DeliveryDraft[]> {
    const { critical } = NOTIFICATION_KINDS[notice.kind];
    const usable = this.channels.usableFor(notice.kind);
    const preferences = await this.preferences.ofPeople(
      tx,
      notice.recipients.flatMap((recipient) => (recipient.personId ? [recipient.personId] : [])),
    );
    const drafts: DeliveryDraft[] = [];
    for (const recipient of notice.recipients) {
      const chosen = recipient.personId ? preferences.get(recipient.personId) : undefined;
      const reach = {
        email: chosen?.email ?? recipient.reach.email,
        phone: chosen?.phone ?? recipient.reach.phone,
        account: recipient.reach.account,
      };
      const values = notice.values(chosen?.locale ?? 'vi');
      for (const { channel, address } of planChannels(reach, chosen?.channels ?? {}, usable, critical)) {
        // The province the notice concerns decides whose version it is, whoever receives it.
        const template = await this.templates.current(
          notice.kind,
          channel as 'email' | 'sms' | 'zalo' | 'inbox',
          chosen?.locale ?? 'vi',
          notice.dossier.provinceCode,
        );
        if (!template) {
          this.logger.error(
            `no ${channel} template for ${notice.kind}: nothing sent on ${channel} for event ${notice.event.id}`,
          );
          continue;
        }
        const text = renderTemplate({ subject: template.subject ?? undefined, body: template.body }, values);
        drafts.push({
          recipient: recipient.key,
          channel,
          locale: template.locale,
          templateVersion: template.version,
          templateProvinceCode: template.provinceCode,
          address,
          ...text,
          data: values,
        });
      }
    }
    return drafts;
  }

  private async webhooks(notice: Notice): Promise<DeliveryDraft[]> {
    const subscriptions = await this.subscriptions.matching(
      notice.kind,
      notice.dossier.provinceCode,
      notice.dossier.unitCodes,
    );
    if (subscriptions.length === 0) return [];
    const data = Object.fromEntries(
      Object.entries(notice.values('vi')).filter(([name]) => !PERSONAL_VALUES.includes(name)),
    );
    return subscriptions.map((subscription) => ({
      recipient: `webhook:${subscription.id}`,
      channel: 'webhook',
      locale: 'vi',
      templateVersion: null,
      templateProvinceCode: null,
      address: subscription.url,
      subject: null,
      body: JSON.stringify({
        kind: notice.kind,
        eventId: notice.event.id,
        occurredAt: notice.event.occurredAt,
        dossier: { id: notice.dossier.id, code: notice.dossier.code },
        data,
      }),
      data,
    }));
  }
}
