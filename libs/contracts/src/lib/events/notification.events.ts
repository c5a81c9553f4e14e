import { z } from 'zod';
import { defineEvent } from '../event-registry';
import { TOPICS } from '../topics';

/**
 * A notice that could not be delivered on a channel: refused for good by the provider, or still
 * failing when its retry horizon ran out. The dead letter of notification; addresses and bodies
 * stay in the notification service.
 */
export const NotificationUndeliverable = defineEvent({
  type: 'NotificationUndeliverable',
  version: 1,
  topic: TOPICS.notification,
  payload: z.object({
    deliveryId: z.uuid(),
    /** The event the notice was about. */
    eventId: z.uuid(),
    kind: z.string(),
    channel: z.string(),
    critical: z.boolean(),
    dossierId: z.uuid().nullable(),
    dossierCode: z.string().nullable(),
    state: z.enum(['permanent-failure', 'technical-failure']),
    reason: z.string(),
    attempts: z.number().int().nonnegative(),
  }),
});
