import { backoffDelay } from '@onestop/messaging';
import { SendOutcome } from '../channels/channel-adapter';

export const DELIVERY_STATES = [
  'created',
  'sending',
  'delivered',
  'temporary-failure',
  'permanent-failure',
  'technical-failure',
] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
}

/** What a send attempt leaves on the delivery. */
export interface Settlement {
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: Date;
  provider: string | null;
  providerReference: string | null;
  lastError: string | null;
  deliveredAt: Date | null;
  failedAt: Date | null;
  /** The notice will not reach the person on this channel: a dead letter is published. */
  undeliverable: boolean;
}

/**
 * The state after an attempt. Accepted is delivered (or, when the provider reports handset delivery
 * later, stays sending with its reference); a temporary failure waits base × 2^(n−1), capped, unless
 * that passes the give-up time: then it is a technical failure. A permanent failure is final. A
 * deferral (rate limit) is no attempt at all.
 */
export function settle(
  delivery: { attempts: number; giveUpAt: Date },
  outcome: SendOutcome,
  now: Date,
  retry: RetryPolicy,
): Settlement {
  const base = {
    attempts: delivery.attempts + 1,
    nextAttemptAt: now,
    provider: null,
    providerReference: null,
    lastError: null,
    deliveredAt: null,
    failedAt: null,
    undeliverable: false,
  };
  switch (outcome.kind) {
    case 'accepted':
      return {
        ...base,
        state: outcome.awaitingReport ? 'sending' : 'delivered',
        provider: outcome.provider,
        providerReference: outcome.providerReference,
        deliveredAt: outcome.awaitingReport ? null : now,
      };
    case 'deferred':
      return {
        ...base,
        attempts: delivery.attempts,
        state: delivery.attempts === 0 ? 'created' : 'temporary-failure',
        nextAttemptAt: new Date(now.getTime() + outcome.retryAfterMs),
      };
    case 'permanent-failure':
      return {
        ...base,
        state: 'permanent-failure',
        provider: outcome.provider ?? null,
        lastError: outcome.reason,
        failedAt: now,
        undeliverable: true,
      };
    case 'temporary-failure': {
      const next = new Date(now.getTime() + backoffDelay(base.attempts, retry.baseMs, retry.maxMs));
      if (next > delivery.giveUpAt) {
        return {
          ...base,
          state: 'technical-failure',
          provider: outcome.provider ?? null,
          lastError: `${outcome.reason} (gave up after ${base.attempts} attempts)`,
          failedAt: now,
          undeliverable: true,
        };
      }
      return {
        ...base,
        state: 'temporary-failure',
        provider: outcome.provider ?? null,
        lastError: outcome.reason,
        nextAttemptAt: next,
      };
    }
  }
}
