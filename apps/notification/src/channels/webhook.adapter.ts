import { TokenBuckets } from '../rate-limit/token-bucket';
import { signWebhook } from '../webhooks/webhook-signature';
import { ChannelAdapter, OutgoingMessage, SendOutcome } from './channel-adapter';
import { classifyHttp, postJson } from './http-provider';

export interface WebhookSecrets {
  secretOf(subscriptionId: string): Promise<string | null>;
}

/**
 * Tenants' systems (the province's, a commune's) get each notice as signed JSON. Network errors,
 * timeouts, 429 and 5xx are retried with backoff; other 4xx mean the receiver refuses it for good.
 */
export class WebhookAdapter implements ChannelAdapter {
  readonly channel = 'webhook';

  constructor(
    private readonly secrets: WebhookSecrets,
    private readonly buckets: TokenBuckets,
    private readonly ratePerSecond: number,
    private readonly timeoutMs: number,
  ) {}

  handles(): boolean {
    return true;
  }

  async send(message: OutgoingMessage): Promise<SendOutcome> {
    const subscriptionId = message.recipient.replace(/^webhook:/, '');
    const secret = await this.secrets.secretOf(subscriptionId);
    if (!secret) return { kind: 'permanent-failure', provider: 'webhook', reason: 'the subscription was removed' };
    const take = await this.buckets.take(`webhook:${subscriptionId}`, this.ratePerSecond);
    if (!take.taken) return { kind: 'deferred', retryAfterMs: take.retryAfterMs };
    const signature = signWebhook(secret, message.body, Math.floor(Date.now() / 1000));
    const answer = await postJson(message.to, message.body, { 'x-onestop-signature': signature, 'x-onestop-delivery': message.deliveryId }, this.timeoutMs);
    return classifyHttp('webhook', answer) ?? { kind: 'accepted', provider: 'webhook', providerReference: message.deliveryId };
  }
}
