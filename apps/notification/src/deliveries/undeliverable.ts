import { EventEnvelope, NotificationUndeliverable } from '@onestop/contracts';
import { createEvent } from '@onestop/messaging';
import { maskPersonalText } from '@onestop/platform';
import { DeliveryEntity } from './delivery.entity';

export type FailedDelivery = Pick<
  DeliveryEntity,
  'id' | 'eventId' | 'kind' | 'channel' | 'critical' | 'dossierId' | 'dossierCode'
>;

const NOTIFICATION_ACTOR = { kind: 'system' as const, id: 'notification' };

/** The dead letter of a notice that will not reach its person on a channel. */
export function undeliverableEvent(
  delivery: FailedDelivery,
  failure: { state: 'permanent-failure' | 'technical-failure'; reason: string; attempts: number },
  now: Date,
): EventEnvelope {
  return createEvent(
    NotificationUndeliverable,
    delivery.dossierId ?? delivery.id,
    {
      deliveryId: delivery.id,
      eventId: delivery.eventId,
      kind: delivery.kind,
      channel: delivery.channel,
      critical: delivery.critical,
      dossierId: delivery.dossierId,
      dossierCode: delivery.dossierCode,
      state: failure.state,
      reason: maskPersonalText(failure.reason),
      attempts: failure.attempts,
    },
    {
      source: 'notification',
      actor: NOTIFICATION_ACTOR,
      correlationId: delivery.eventId,
      causationId: delivery.eventId,
    },
    now,
  );
}
