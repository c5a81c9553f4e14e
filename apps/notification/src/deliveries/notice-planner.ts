import { Injectable, Logger } from '@nestjs/common';
import { afterCommit, Clock } from '@onestop/platform';
import { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { ChannelRegistry } from '../channels/channel-registry';
import { NotificationEnv } from '../notification.env';
import { planChannels } from '../recipients/channel-plan';
import { preferencesOf } from '../recipients/preferences';
import { NOTIFICATION_KINDS } from '../domain/notification-kinds';
import { renderTemplate } from '../templates/template';
import { TemplateStore } from '../templates/template-store';
import { WebhookSubscriptions } from '../webhooks/webhook-subscriptions';
import { DeliveryDispatcher } from './delivery-dispatcher';
import { Notice } from './notice';

/** One row of `deliveries` to create. */
interface DeliveryDraft {
  recipient: string;
  channel: string;
  locale: string;
  templateVersion: number | null;
  /** Whose version it was: the province's own, or null for the national default. */
  templateProvinceCode: string | null;
  address: string;
  subject: string | null;
  body: string;
  data: Record<string, string>;
}

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
    private readonly templates: TemplateStore,
    private readonly channels: ChannelRegistry,
    private readonly subscriptions: WebhookSubscriptions,
    private readonly dispatcher: DeliveryDispatcher,
    private readonly env: NotificationEnv,
    private readonly clock: Clock,
  ) {}

  async plan(tx: EntityManager, notice: Notice): Promise<void> {
    const drafts = [...(await this.personal(tx, notice)), ...(await this.webhooks(notice))];
    if (drafts.length === 0) return;
    await this.insert(tx, notice, drafts);
    afterCommit(tx, () => this.dispatcher.wake());
  }

  private async personal(tx: EntityManager, notice: Notice): Promise<DeliveryDraft[]> {
    const { critical } = NOTIFICATION_KINDS[notice.kind];
    const usable = this.channels.usableFor(notice.kind);
    const preferences = await preferencesOf(tx, notice.recipients.flatMap((recipient) => (recipient.personId ? [recipient.personId] : [])));
    const drafts: DeliveryDraft[] = [];
    for (const recipient of notice.recipients) {
      const chosen = recipient.personId ? preferences.get(recipient.personId) : undefined;
      const reach = { email: chosen?.email ?? recipient.reach.email, phone: chosen?.phone ?? recipient.reach.phone, account: recipient.reach.account };
      const values = notice.values(chosen?.locale ?? 'vi');
      for (const { channel, address } of planChannels(reach, chosen?.channels ?? {}, usable, critical)) {
        // The province the notice concerns decides whose version it is, whoever receives it.
        const template = await this.templates.current(notice.kind, channel as 'email' | 'sms' | 'zalo' | 'inbox', chosen?.locale ?? 'vi', notice.dossier.provinceCode);
        if (!template) {
          this.logger.error(`no ${channel} template for ${notice.kind}: nothing sent on ${channel} for event ${notice.event.id}`);
          continue;
        }
        const text = renderTemplate({ subject: template.subject ?? undefined, body: template.body }, values);
        drafts.push({ recipient: recipient.key, channel, locale: template.locale, templateVersion: template.version, templateProvinceCode: template.provinceCode, address, ...text, data: values });
      }
    }
    return drafts;
  }

  private async webhooks(notice: Notice): Promise<DeliveryDraft[]> {
    const subscriptions = await this.subscriptions.matching(notice.kind, notice.dossier.provinceCode, notice.dossier.unitCodes);
    if (subscriptions.length === 0) return [];
    const data = Object.fromEntries(Object.entries(notice.values('vi')).filter(([name]) => !PERSONAL_VALUES.includes(name)));
    return subscriptions.map((subscription) => ({
      recipient: `webhook:${subscription.id}`,
      channel: 'webhook',
      locale: 'vi',
      templateVersion: null,
      templateProvinceCode: null,
      address: subscription.url,
      subject: null,
      body: JSON.stringify({ kind: notice.kind, eventId: notice.event.id, occurredAt: notice.event.occurredAt, dossier: { id: notice.dossier.id, code: notice.dossier.code }, data }),
      data,
    }));
  }

  private async insert(tx: EntityManager, notice: Notice, drafts: DeliveryDraft[]): Promise<void> {
    const now = this.clock.now();
    const giveUpAt = new Date(now.getTime() + this.env.DELIVERY_RETRY_HORIZON_MS);
    const column = <K extends keyof DeliveryDraft>(key: K) => drafts.map((draft) => draft[key]);
    await tx.query(
      `INSERT INTO deliveries (id, event_id, recipient, channel, kind, critical, locale, template_version, template_province_code, address, subject, body, data,
         dossier_id, dossier_code, province_code, state, next_attempt_at, give_up_at, created_at, updated_at)
       SELECT id, $2, recipient, channel, $3, $4, locale, template_version, template_province_code, address, subject, body, data, $5, $6, $7, 'created', $8, $9, $8, $8
         FROM unnest($1::uuid[], $10::text[], $11::text[], $12::text[], $13::int[], $14::text[], $15::text[], $16::text[], $17::jsonb[], $18::text[])
           AS d(id, recipient, channel, locale, template_version, address, subject, body, data, template_province_code)
       ON CONFLICT (event_id, recipient, channel) DO NOTHING`,
      [
        drafts.map(() => uuidv7()),
        notice.event.id,
        notice.kind,
        NOTIFICATION_KINDS[notice.kind].critical,
        notice.dossier.id,
        notice.dossier.code,
        notice.dossier.provinceCode,
        now,
        giveUpAt,
        column('recipient'),
        column('channel'),
        column('locale'),
        column('templateVersion'),
        column('address'),
        column('subject'),
        column('body'),
        drafts.map((draft) => JSON.stringify(draft.data)),
        column('templateProvinceCode'),
      ],
    );
  }
}
