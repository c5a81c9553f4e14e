import { TokenBuckets } from '../rate-limit/token-bucket';
import { HostResolver, postWebhook, WebhookAnswer } from '../webhooks/webhook-client';
import { DestinationPolicy } from '../webhooks/webhook-destination';
import { signWebhook } from '../webhooks/webhook-signature';
import { ChannelAdapter, OutgoingMessage, SendOutcome } from './channel-adapter';

export interface WebhookSecrets {
  secretOf(subscriptionId: string): Promise<string | null>;
}

/**
 * What an answer means: 2xx taken; no answer, 408/425/429 and 5xx tried again later; a refused
 * destination, a redirect (never followed) and other 4xx failed for good. The reason is the status
 * or our own words: the receiver's body is never read, so never stored or shown.
 */
export function webhookOutcome(answer: WebhookAnswer): SendOutcome | null {
  if ('refused' in answer)
    return { kind: 'permanent-failure', provider: 'webhook', reason: `destination refused: ${answer.refused}` };
  if ('unreachable' in answer) return { kind: 'temporary-failure', provider: 'webhook', reason: answer.unreachable };
  if (answer.status >= 200 && answer.status < 300) return null;
  const reason = `HTTP ${answer.status}`;
  if (answer.status >= 500 || [408, 425, 429].includes(answer.status))
    return { kind: 'temporary-failure', provider: 'webhook', reason };
  return { kind: 'permanent-failure', provider: 'webhook', reason };
}

/**
 * Tenants' systems (the province's, a commune's) get each notice as signed JSON, to a destination
 * checked at every attempt (see postWebhook).
 */
export class WebhookAdapter implements ChannelAdapter {
  readonly channel = 'webhook';

  constructor(
    private readonly secrets: WebhookSecrets,
    private readonly buckets: TokenBuckets,
    private readonly settings: {
      ratePerSecond: number;
      timeoutMs: number;
      policy: DestinationPolicy;
      resolver: HostResolver;
    },
  ) {}

  handles(): boolean {
    return true;
  }

  async send(message: OutgoingMessage): Promise<SendOutcome> {
    const subscriptionId = message.recipient.replace(/^webhook:/, '');
    const secret = await this.secrets.secretOf(subscriptionId);
    if (!secret) return { kind: 'permanent-failure', provider: 'webhook', reason: 'the subscription was removed' };
    const take = await this.buckets.take(`webhook:${subscriptionId}`, this.settings.ratePerSecond);
    if (!take.taken) return { kind: 'deferred', retryAfterMs: take.retryAfterMs };
    const signature = signWebhook(secret, message.body, Math.floor(Date.now() / 1000));
    const answer = await postWebhook(
      message.to,
      message.body,
      { 'x-onestop-signature': signature, 'x-onestop-delivery': message.deliveryId },
      {
        timeoutMs: this.settings.timeoutMs,
        policy: this.settings.policy,
        resolver: this.settings.resolver,
      },
    );
    return webhookOutcome(answer) ?? { kind: 'accepted', provider: 'webhook', providerReference: message.deliveryId };
  }
}
