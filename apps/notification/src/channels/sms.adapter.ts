import { Logger } from '@nestjs/common';
import { maskPersonalText } from '@onestop/platform';
import { SmsProviderSettings } from '../notification.env';
import { TokenBuckets } from '../rate-limit/token-bucket';
import { ChannelAdapter, OutgoingMessage, SendOutcome } from './channel-adapter';
import { failoverOrder } from './failover-order';
import { classifyHttp, postJson } from './http-provider';

/**
 * SMS through HTTP gateways (brandname gateways in production), split between them by weight. A
 * gateway that fails for now, or whose rate is used up, hands the message to the next one; a
 * refusal for good (a bad number) is final.
 *
 * The gateway API: `POST {url}/messages` with `Authorization: Bearer {apiKey}`,
 * `Idempotency-Key` and `{ to, text, brandname, reference }`, answering `{ id }`.
 */
export class SmsAdapter implements ChannelAdapter {
  readonly channel = 'sms';
  private readonly logger = new Logger(SmsAdapter.name);

  constructor(
    private readonly providers: readonly SmsProviderSettings[],
    private readonly buckets: TokenBuckets,
    private readonly timeoutMs: number,
  ) {}

  handles(): boolean {
    return true;
  }

  async send(message: OutgoingMessage): Promise<SendOutcome> {
    let last: SendOutcome | null = null;
    let soonest = Infinity;
    const order = failoverOrder(this.providers);
    for (const [index, provider] of order.entries()) {
      const take = await this.buckets.take(`sms:${provider.name}`, provider.ratePerSecond);
      if (!take.taken) {
        soonest = Math.min(soonest, take.retryAfterMs);
        continue;
      }
      const outcome = await this.sendThrough(provider, message);
      if (outcome.kind !== 'temporary-failure') return outcome;
      if (index < order.length - 1)
        this.logger.warn(
          `SMS ${message.deliveryId} to ${maskPersonalText(message.to)} failed at ${provider.name}, trying the next gateway: ${outcome.reason}`,
        );
      last = outcome;
    }
    return last ?? { kind: 'deferred', retryAfterMs: soonest };
  }

  private async sendThrough(provider: SmsProviderSettings, message: OutgoingMessage): Promise<SendOutcome> {
    const answer = await postJson(
      `${provider.url.replace(/\/$/, '')}/messages`,
      { to: message.to, text: message.body, brandname: provider.brandname, reference: message.deliveryId },
      { authorization: `Bearer ${provider.apiKey}`, 'idempotency-key': message.idempotencyKey },
      this.timeoutMs,
    );
    const failure = classifyHttp(provider.name, answer);
    if (failure) return failure;
    const id = (answer as { body: { id?: unknown } }).body?.id;
    if (typeof id !== 'string' || !id)
      return {
        kind: 'temporary-failure',
        provider: provider.name,
        reason: 'the gateway answered without a message id',
      };
    return {
      kind: 'accepted',
      provider: provider.name,
      providerReference: id,
      awaitingReport: provider.deliveryReports,
    };
  }
}
