import { ConfigError, loadConfig } from '@onestop/platform';
import { randomBytes } from 'node:crypto';
import { NotificationEnv } from './notification.env';

const base = { PORT: '3004', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/onestop_notification' };

function problems(source: Record<string, string>): string[] {
  try {
    loadConfig(NotificationEnv, { ...base, ...source });
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('NotificationEnv', () => {
  it('reads SMS gateways as JSON, filling the defaults of each', () => {
    const env = loadConfig(NotificationEnv, {
      ...base,
      SMS_PROVIDERS:
        '[{"name":"viettel","url":"https://sms.example.vn","apiKey":"k","weight":70,"brandname":"UBND HUE"}]',
      DELIVERY_RETRY_BASE_MS: '300',
    });
    expect(env.SMS_PROVIDERS).toEqual([
      {
        name: 'viettel',
        url: 'https://sms.example.vn',
        apiKey: 'k',
        weight: 70,
        brandname: 'UBND HUE',
        ratePerSecond: 50,
        deliveryReports: false,
      },
    ]);
    expect(env.DELIVERY_RETRY_BASE_MS).toBe(300);
  });

  it('names what is wrong in a JSON variable, and the numbers and URLs that are not', () => {
    expect(
      problems({ SMS_PROVIDERS: '[{"name":"Viettel!","url":"ftp://x","apiKey":"k","weight":1,"brandname":"B"}]' })[0],
    ).toMatch(/^SMS_PROVIDERS: must be JSON: .*\(0\.name: must be lower-case/);
    expect(problems({ SMS_PROVIDERS: 'not json' })[0]).toMatch(/^SMS_PROVIDERS: must be JSON/);
    expect(
      problems({
        DELIVERY_RETRY_BASE_MS: 'soon',
        PUBLIC_LOOKUP_URL: 'http://x/no-placeholder',
        SMTP_URL: 'mail.example.vn',
      }).map((p) => p.split(':')[0]),
    ).toEqual(['SMTP_URL', 'DELIVERY_RETRY_BASE_MS', 'PUBLIC_LOOKUP_URL']);
  });

  it("takes the web application's public look-up page for the hand-over notice's rating link", () => {
    expect(loadConfig(NotificationEnv, base).PUBLIC_LOOKUP_PAGE_URL).toBe('http://localhost:3000/tra-cuu');
    expect(
      loadConfig(NotificationEnv, { ...base, PUBLIC_LOOKUP_PAGE_URL: 'https://dichvucong.hue.gov.vn/tra-cuu' })
        .PUBLIC_LOOKUP_PAGE_URL,
    ).toBe('https://dichvucong.hue.gov.vn/tra-cuu');
    expect(problems({ PUBLIC_LOOKUP_PAGE_URL: 'dichvucong.hue.gov.vn/tra-cuu' })).toEqual([
      expect.stringMatching(/^PUBLIC_LOOKUP_PAGE_URL: must be an http\(s\) URL/),
    ]);
    expect(problems({ PUBLIC_LOOKUP_PAGE_URL: 'https://dichvucong.hue.gov.vn/tra-cuu/{code}' })).toHaveLength(1);
  });

  it('requires a callback secret and the event-data keys in production', () => {
    expect(problems({ NODE_ENV: 'production', AUTH_JWKS_URL: 'https://id.example.vn/jwks' })).toEqual([
      expect.stringMatching(/^PROVIDER_CALLBACK_SECRET/),
      expect.stringMatching(/^EVENT_DATA_KEYS: .*is required in production/),
    ]);
  });

  it('sends webhooks over https only in production, unless http is asked for by name', () => {
    const prod = {
      NODE_ENV: 'production',
      AUTH_JWKS_URL: 'https://id.example.vn/jwks',
      PROVIDER_CALLBACK_SECRET: 'x'.repeat(24),
      EVENT_DATA_KEYS: randomBytes(32).toString('base64'),
    };
    expect(loadConfig(NotificationEnv, { ...base, ...prod }).webhookPolicy).toEqual({
      allowHttp: false,
      allowPrivate: false,
    });
    expect(loadConfig(NotificationEnv, { ...base, ...prod, WEBHOOK_ALLOW_HTTP: 'true' }).webhookPolicy).toEqual({
      allowHttp: true,
      allowPrivate: false,
    });
    expect(loadConfig(NotificationEnv, { ...base, NODE_ENV: 'development' }).webhookPolicy).toEqual({
      allowHttp: true,
      allowPrivate: false,
    });
    expect(
      loadConfig(NotificationEnv, { ...base, NODE_ENV: 'test', WEBHOOK_ALLOW_HTTP: 'false' }).webhookPolicy,
    ).toEqual({ allowHttp: false, allowPrivate: false });
  });

  it('opens private webhook destinations only when asked, and never in production', () => {
    expect(
      loadConfig(NotificationEnv, { ...base, NODE_ENV: 'test', WEBHOOK_ALLOW_PRIVATE_DESTINATIONS: 'true' })
        .webhookPolicy.allowPrivate,
    ).toBe(true);
    expect(
      loadConfig(NotificationEnv, { ...base, NODE_ENV: 'test', WEBHOOK_ALLOW_PRIVATE_DESTINATIONS: 'false' })
        .webhookPolicy.allowPrivate,
    ).toBe(false);
    expect(problems({ WEBHOOK_ALLOW_PRIVATE_DESTINATIONS: 'yes' })).toEqual([
      expect.stringMatching(/^WEBHOOK_ALLOW_PRIVATE_DESTINATIONS: must be true or false/),
    ]);
    const prod = {
      NODE_ENV: 'production',
      AUTH_JWKS_URL: 'https://id.example.vn/jwks',
      PROVIDER_CALLBACK_SECRET: 'x'.repeat(24),
      EVENT_DATA_KEYS: randomBytes(32).toString('base64'),
    };
    expect(problems({ ...prod, WEBHOOK_ALLOW_PRIVATE_DESTINATIONS: 'true' })).toEqual([
      expect.stringMatching(/^WEBHOOK_ALLOW_PRIVATE_DESTINATIONS: must not be true in production/),
    ]);
  });
});
