import { CreateMessagingTables1763800000000 } from '@onestop/messaging';
import { DatabaseSchema } from '@onestop/platform';
import { DeliveryEntity } from '../deliveries/delivery.entity';
import { InboxMessageEntity } from '../inbox/inbox-message.entity';
import { DossierContactEntity } from '../recipients/dossier-contact.entity';
import { PreferenceEntity } from '../recipients/preference.entity';
import { TemplateEntity } from '../templates/template.entity';
import { WebhookSubscriptionEntity } from '../webhooks/webhook-subscription.entity';
import { CreateTemplates1764200000000 } from './migrations/1764200000000-CreateTemplates';
import { CreateDeliveries1764400000000 } from './migrations/1764400000000-CreateDeliveries';
import { ProvinceScopedTemplatesAndWebhooks1765000000000 } from './migrations/1765000000000-ProvinceScopedTemplatesAndWebhooks';
import { RatingLinkInHandOverNotice1766500000000 } from './migrations/1766500000000-RatingLinkInHandOverNotice';

/** The notification database: its entities and, in order, the migrations that build it. */
export const notificationSchema: DatabaseSchema = {
  entities: [
    TemplateEntity,
    DossierContactEntity,
    PreferenceEntity,
    DeliveryEntity,
    InboxMessageEntity,
    WebhookSubscriptionEntity,
  ],
  migrations: [
    CreateMessagingTables1763800000000,
    CreateTemplates1764200000000,
    CreateDeliveries1764400000000,
    ProvinceScopedTemplatesAndWebhooks1765000000000,
    RatingLinkInHandOverNotice1766500000000,
  ],
};
