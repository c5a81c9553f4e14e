import { CreateMessagingTables1763800000000 } from '@onestop/messaging';
import { DatabaseSchema } from '@onestop/platform';
import { CreateTemplates1764200000000 } from './migrations/1764200000000-create-templates';
import { CreateDeliveries1764400000000 } from './migrations/1764400000000-create-deliveries';
import { ProvinceScopedTemplatesAndWebhooks1765000000000 } from './migrations/1765000000000-province-scoped-templates-and-webhooks';
import { RatingLinkInHandOverNotice1766500000000 } from './migrations/1766500000000-rating-link-in-hand-over-notice';

/** The notification database: its entities and, in order, the migrations that build it. */
export const notificationSchema: DatabaseSchema = {
  entities: [],
  migrations: [
    CreateMessagingTables1763800000000,
    CreateTemplates1764200000000,
    CreateDeliveries1764400000000,
    ProvinceScopedTemplatesAndWebhooks1765000000000,
    RatingLinkInHandOverNotice1766500000000,
  ],
};
