/** A message on its way out through one channel. */
export interface OutgoingMessage {
  /** Email address, phone number, Zalo user id, inbox owner or webhook tenant, by channel. */
  to: string;
  subject: string | null;
  body: string;
  /** Stable per (event, recipient, channel): providers that de-duplicate use it. */
  idempotencyKey: string;
}

/**
 * How a provider answered. Temporary failures are retried with backoff, permanent ones never;
 * the provider's reference lets its delivery callbacks find the delivery again.
 */
export type SendOutcome =
  | { kind: 'accepted'; providerReference: string }
  | { kind: 'temporary-failure'; reason: string }
  | { kind: 'permanent-failure'; reason: string };

/** One interface for every channel: email, SMS, Zalo, in-app inbox, webhooks. */
export interface ChannelAdapter {
  readonly channel: string;
  send(message: OutgoingMessage): Promise<SendOutcome>;
}
