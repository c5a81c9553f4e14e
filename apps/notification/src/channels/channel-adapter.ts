import { Channel, NotificationKind } from '../domain/notification-kinds';

/** A message on its way out through one channel. */
export interface OutgoingMessage {
  deliveryId: string;
  kind: NotificationKind;
  /** Who it is for: `applicant`, `officer:<id>` or `webhook:<subscription id>`. */
  recipient: string;
  /** Email address, phone number (SMS, Zalo), inbox owner or webhook URL, by channel. */
  to: string;
  subject: string | null;
  body: string;
  /** The placeholder values the body was rendered from (Zalo ZNS is sent these, not the text). */
  data: Record<string, string>;
  dossierCode: string | null;
  /** Stable per (event, recipient, channel): providers that de-duplicate use it. */
  idempotencyKey: string;
}

/**
 * How a provider answered. Temporary failures are retried with backoff, permanent ones never; a
 * deferral (the provider's rate limit is used up) is tried again later without counting as a try.
 * `awaitingReport`: the provider took the message and reports handset delivery later, to the
 * callback endpoint, with `providerReference`.
 */
export type SendOutcome =
  | { kind: 'accepted'; provider: string; providerReference: string; awaitingReport?: boolean }
  | { kind: 'temporary-failure'; provider?: string; reason: string }
  | { kind: 'permanent-failure'; provider?: string; reason: string }
  | { kind: 'deferred'; retryAfterMs: number };

/** One interface for every channel: email, SMS, Zalo, in-app inbox, webhooks. */
export interface ChannelAdapter {
  readonly channel: Channel;
  /** Whether the adapter can send this kind at all (Zalo needs an approved template per kind). */
  handles(kind: NotificationKind): boolean;
  send(message: OutgoingMessage): Promise<SendOutcome>;
  close?(): Promise<void> | void;
}
