import { NotificationKind } from '../domain/notification-kinds';
import { TokenBuckets } from '../rate-limit/token-bucket';
import { ChannelAdapter, OutgoingMessage, SendOutcome } from './channel-adapter';
import { classifyHttp, postJson } from './http-provider';

export interface ZaloSettings {
  apiUrl: string;
  accessToken: string;
  /** The ZNS template Zalo approved for each kind; kinds without one are not sent on Zalo. */
  templates: Record<string, string>;
  ratePerSecond: number;
  timeoutMs: number;
}

/**
 * Zalo answers 200 with its own error codes; these say the message can never go to this person
 * (invalid phone, no Zalo account, the user blocked the OA, template not approved or disabled).
 */
const PERMANENT_ZALO_ERRORS = new Set([-108, -118, -119, -124, -131, -133, -139]);

/** ZNS addresses phone numbers in international form without the plus: 84912345678. */
export function znsPhone(phone: string): string {
  const digits = phone.replace(/[^\d]/g, '');
  return digits.startsWith('0') ? `84${digits.slice(1)}` : digits;
}

/** Zalo Official Account template messages (ZNS): the approved template's id and its values. */
export class ZaloAdapter implements ChannelAdapter {
  readonly channel = 'zalo';

  constructor(
    private readonly settings: ZaloSettings,
    private readonly buckets: TokenBuckets,
  ) {}

  handles(kind: NotificationKind): boolean {
    return kind in this.settings.templates;
  }

  async send(message: OutgoingMessage): Promise<SendOutcome> {
    const take = await this.buckets.take('zalo', this.settings.ratePerSecond);
    if (!take.taken) return { kind: 'deferred', retryAfterMs: take.retryAfterMs };
    const answer = await postJson(
      `${this.settings.apiUrl.replace(/\/$/, '')}/message/template`,
      {
        phone: znsPhone(message.to),
        template_id: this.settings.templates[message.kind],
        template_data: message.data,
        tracking_id: message.deliveryId,
      },
      { access_token: this.settings.accessToken },
      this.settings.timeoutMs,
    );
    const failure = classifyHttp('zalo', answer);
    if (failure) return failure;
    const body = (answer as { body: { error?: number; message?: string; data?: { msg_id?: string } } }).body;
    if (body?.error === 0 && body.data?.msg_id)
      return { kind: 'accepted', provider: 'zalo', providerReference: body.data.msg_id };
    const reason = `Zalo error ${body?.error ?? '?'}: ${body?.message ?? 'no message'}`;
    return {
      kind: PERMANENT_ZALO_ERRORS.has(body?.error ?? 0) ? 'permanent-failure' : 'temporary-failure',
      provider: 'zalo',
      reason,
    };
  }
}
