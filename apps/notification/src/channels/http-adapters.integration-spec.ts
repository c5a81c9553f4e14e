import { testRedisUrl } from '@onestop/testing';
import { randomBytes } from 'node:crypto';
import { createClient, RedisClientType } from 'redis';
import { SmsProviderSettings } from '../notification.env';
import { TokenBuckets } from '../rate-limit/token-bucket';
import { FakeProvider, startFakeProvider } from '../test/fake-provider';
import { HostResolver } from '../webhooks/webhook-client';
import { verifyWebhook } from '../webhooks/webhook-signature';
import { OutgoingMessage } from './channel-adapter';
import { SmsAdapter } from './sms.adapter';
import { WebhookAdapter } from './webhook.adapter';
import { ZaloAdapter } from './zalo.adapter';

function message(to: string, overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    deliveryId: `d-${randomBytes(3).toString('hex')}`,
    kind: 'dossier-received',
    recipient: 'applicant',
    to,
    subject: null,
    body: 'Ho so 19753-261124-0001 da duoc tiep nhan.',
    data: { code: '19753-261124-0001', appointmentDate: '27/11/2026' },
    dossierCode: '19753-261124-0001',
    idempotencyKey: `evt-${randomBytes(3).toString('hex')}`,
    ...overrides,
  };
}

describe('HTTP channel adapters against local providers', () => {
  let redis: RedisClientType;
  let buckets: TokenBuckets;
  let primary: FakeProvider;
  let secondary: FakeProvider;

  const sms = (url: string, name: string, weight: number, ratePerSecond = 1000): SmsProviderSettings => ({
    name,
    url,
    apiKey: `${name}-key`,
    weight,
    brandname: 'UBND HUE',
    ratePerSecond,
    deliveryReports: false,
  });

  beforeAll(async () => {
    redis = createClient({ url: testRedisUrl() });
    await redis.connect();
    buckets = new TokenBuckets(redis, `test-adapters-${randomBytes(4).toString('hex')}`);
    [primary, secondary] = await Promise.all([startFakeProvider('sms'), startFakeProvider('sms')]);
  });

  afterAll(async () => {
    await Promise.all([primary.close(), secondary.close()]);
    await redis.close();
  });

  it('sends an SMS through the gateway with its credentials, brandname and our reference', async () => {
    const adapter = new SmsAdapter([sms(primary.url, 'primary', 100)], buckets, 2_000);
    const sent = message('0912345678');
    const outcome = await adapter.send(sent);
    expect(outcome).toMatchObject({
      kind: 'accepted',
      provider: 'primary',
      providerReference: expect.stringMatching(/^sms-/),
    });
    const request = primary.requests.at(-1)!;
    expect(request.path).toBe('/messages');
    expect(request.headers['authorization']).toBe('Bearer primary-key');
    expect(request.headers['idempotency-key']).toBe(sent.idempotencyKey);
    expect(request.json).toEqual({
      to: '0912345678',
      text: sent.body,
      brandname: 'UBND HUE',
      reference: sent.deliveryId,
    });
  });

  it('fails over to the second gateway when the first fails for now or is too slow', async () => {
    const adapter = new SmsAdapter(
      [sms(primary.url, 'primary', 100), sms(secondary.url, 'secondary', 0)],
      buckets,
      300,
    );
    primary.script('0911111111', ['temporary']);
    expect(await adapter.send(message('0911111111'))).toMatchObject({ kind: 'accepted', provider: 'secondary' });
    primary.script('0922222222', [{ slowMs: 600 }]);
    expect(await adapter.send(message('0922222222'))).toMatchObject({ kind: 'accepted', provider: 'secondary' });
  });

  it('reports a temporary failure when every gateway fails, and a permanent refusal at once', async () => {
    const adapter = new SmsAdapter(
      [sms(primary.url, 'primary', 100), sms(secondary.url, 'secondary', 0)],
      buckets,
      2_000,
    );
    primary.script('0933333333', ['temporary']);
    secondary.script('0933333333', ['temporary']);
    expect(await adapter.send(message('0933333333'))).toMatchObject({
      kind: 'temporary-failure',
      reason: expect.stringContaining('503'),
    });
    const before = secondary.requests.length;
    primary.script('0944444444', ['permanent']);
    expect(await adapter.send(message('0944444444'))).toMatchObject({
      kind: 'permanent-failure',
      provider: 'primary',
      reason: expect.stringContaining('400'),
    });
    expect(secondary.requests.length).toBe(before);
  });

  it('splits traffic between the gateways by weight', async () => {
    const adapter = new SmsAdapter(
      [sms(primary.url, 'primary', 70), sms(secondary.url, 'secondary', 30)],
      buckets,
      2_000,
    );
    const counts: Record<string, number> = { primary: 0, secondary: 0 };
    for (let i = 0; i < 200; i++)
      counts[((await adapter.send(message(`09${String(i).padStart(8, '0')}`))) as { provider: string }).provider]++;
    expect(counts.primary).toBeGreaterThan(110);
    expect(counts.secondary).toBeGreaterThan(30);
  });

  it("uses the other gateway when one's rate is used up, and defers when both are", async () => {
    const adapter = new SmsAdapter(
      [sms(primary.url, 'limited-a', 100, 1), sms(secondary.url, 'limited-b', 0, 1)],
      buckets,
      2_000,
    );
    expect(await adapter.send(message('0955555555'))).toMatchObject({ kind: 'accepted', provider: 'limited-a' });
    expect(await adapter.send(message('0955555556'))).toMatchObject({ kind: 'accepted', provider: 'limited-b' });
    expect(await adapter.send(message('0955555557'))).toMatchObject({
      kind: 'deferred',
      retryAfterMs: expect.any(Number),
    });
  });

  it('sends Zalo ZNS with the approved template and the values, and reads Zalo error codes', async () => {
    const zalo = await startFakeProvider('zalo');
    try {
      const adapter = new ZaloAdapter(
        {
          apiUrl: zalo.url,
          accessToken: 'oa-token',
          templates: { 'dossier-received': '248079' },
          ratePerSecond: 100,
          timeoutMs: 2_000,
        },
        buckets,
      );
      expect(adapter.handles('dossier-received')).toBe(true);
      expect(adapter.handles('rejected')).toBe(false);
      const sent = message('0912345678');
      expect(await adapter.send(sent)).toMatchObject({ kind: 'accepted', provider: 'zalo' });
      expect(zalo.requests[0].headers['access_token']).toBe('oa-token');
      expect(zalo.requests[0].json).toEqual({
        phone: '84912345678',
        template_id: '248079',
        template_data: sent.data,
        tracking_id: sent.deliveryId,
      });
      zalo.script('84900000000', ['permanent', 'temporary']);
      expect(await adapter.send(message('0900000000'))).toMatchObject({
        kind: 'permanent-failure',
        reason: expect.stringContaining('-108'),
      });
      expect(await adapter.send(message('0900000000'))).toMatchObject({ kind: 'temporary-failure' });
    } finally {
      await zalo.close();
    }
  });

  it('signs webhooks with the subscription secret and retries only what may succeed later', async () => {
    const receiver = await startFakeProvider('webhook');
    try {
      const secrets = { secretOf: async (id: string) => (id === 'sub-1' ? 'commune-secret-0123456789' : null) };
      const adapter = new WebhookAdapter(secrets, buckets, {
        ratePerSecond: 100,
        timeoutMs: 2_000,
        policy: { allowHttp: true, allowPrivate: true },
        resolver: new HostResolver(),
      });
      const body = JSON.stringify({ kind: 'dossier-received', code: '19753-261124-0001' });
      const hook = (recipient: string) => message(`${receiver.url}/hooks/onestop`, { recipient, body });
      expect(await adapter.send(hook('webhook:sub-1'))).toMatchObject({ kind: 'accepted', provider: 'webhook' });
      const request = receiver.requests[0];
      expect(request.path).toBe('/hooks/onestop');
      expect(request.body).toBe(body);
      expect(
        verifyWebhook(
          'commune-secret-0123456789',
          request.body,
          String(request.headers['x-onestop-signature']),
          Math.floor(Date.now() / 1000),
        ),
      ).toBe(true);
      receiver.script('*', ['temporary', 'permanent']);
      expect(await adapter.send(hook('webhook:sub-1'))).toEqual({
        kind: 'temporary-failure',
        provider: 'webhook',
        reason: 'HTTP 503',
      });
      expect(await adapter.send(hook('webhook:sub-1'))).toEqual({
        kind: 'permanent-failure',
        provider: 'webhook',
        reason: 'HTTP 400',
      });
      expect(await adapter.send(message('http://127.0.0.1:9/closed', { recipient: 'webhook:sub-1' }))).toEqual({
        kind: 'temporary-failure',
        provider: 'webhook',
        reason: 'connection refused',
      });
      expect(await adapter.send(hook('webhook:removed'))).toMatchObject({ kind: 'permanent-failure' });
    } finally {
      await receiver.close();
    }
  });
});
