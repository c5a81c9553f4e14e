import { testRedisUrl } from '@onestop/testing';
import { randomBytes } from 'node:crypto';
import { createClient, RedisClientType } from 'redis';
import { TokenBuckets } from '../rate-limit/token-bucket';
import { mailText, SmtpSink, startSmtpSink } from '../test/smtp-sink';
import { OutgoingMessage } from './channel-adapter';
import { EmailAdapter } from './email.adapter';

function message(to: string, overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    deliveryId: 'd-1',
    kind: 'dossier-received',
    recipient: 'applicant',
    to,
    subject: 'x',
    body: 'x',
    data: {},
    dossierCode: null,
    idempotencyKey: `evt-${randomBytes(3).toString('hex')}`,
    ...overrides,
  };
}

describe('email over SMTP', () => {
  let smtp: SmtpSink;
  let redis: RedisClientType;
  let buckets: TokenBuckets;
  let adapter: EmailAdapter;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    smtp.refuse.set('full@example.vn', 452).set('nobody@example.vn', 550);
    redis = createClient({ url: testRedisUrl() });
    await redis.connect();
    buckets = new TokenBuckets(redis, `test-email-${randomBytes(4).toString('hex')}`);
    adapter = new EmailAdapter(
      { url: smtp.url, from: 'Một cửa Huế <motcua@hue.gov.vn>', connections: 2, ratePerSecond: 1000 },
      buckets,
    );
  });

  afterAll(async () => {
    adapter.close();
    await smtp.close();
    await redis.close();
  });

  it('delivers a Vietnamese message the server receives intact, with our message id', async () => {
    const outcome = await adapter.send(
      message('lan@example.vn', {
        subject: 'Đã tiếp nhận hồ sơ 19774-261123-0001',
        body: 'Hẹn trả kết quả ngày 27/11/2026.',
        idempotencyKey: 'evt-1.lan.email',
      }),
    );
    expect(outcome).toEqual({ kind: 'accepted', provider: 'smtp', providerReference: '<evt-1.lan.email@onestop>' });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].to).toEqual(['lan@example.vn']);
    expect(smtp.received[0].data).toMatch(/Message-ID: <evt-1\.lan\.email@onestop>/i);
    expect(smtp.received[0].data).toMatch(/Subject: =\?UTF-8\?/);
    expect(mailText(smtp.received[0])).toContain('Hẹn trả kết quả ngày 27/11/2026.');
  });

  it('tells a temporary refusal (4xx) from a permanent one (5xx), and a closed port is temporary', async () => {
    expect(await adapter.send(message('full@example.vn'))).toMatchObject({
      kind: 'temporary-failure',
      reason: expect.stringMatching(/452/),
    });
    expect(await adapter.send(message('nobody@example.vn'))).toMatchObject({
      kind: 'permanent-failure',
      reason: expect.stringMatching(/550/),
    });
    const unreachable = new EmailAdapter(
      { url: 'smtp://127.0.0.1:9', from: 'motcua@hue.gov.vn', connections: 1, ratePerSecond: 1000 },
      buckets,
    );
    expect(await unreachable.send(message('lan@example.vn'))).toMatchObject({ kind: 'temporary-failure' });
    unreachable.close();
  });

  it('defers instead of sending once the relay rate is used up', async () => {
    const slow = new EmailAdapter(
      { url: smtp.url, from: 'motcua@hue.gov.vn', connections: 1, ratePerSecond: 1 },
      buckets,
    );
    const before = smtp.received.length;
    const outcomes = [await slow.send(message('a@example.vn')), await slow.send(message('b@example.vn'))];
    slow.close();
    expect(outcomes[0]).toMatchObject({ kind: 'accepted' });
    expect(outcomes[1]).toMatchObject({ kind: 'deferred', retryAfterMs: expect.any(Number) });
    expect((outcomes[1] as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);
    expect((outcomes[1] as { retryAfterMs: number }).retryAfterMs).toBeLessThanOrEqual(1000);
    expect(smtp.received.length).toBe(before + 1);
  });
});
