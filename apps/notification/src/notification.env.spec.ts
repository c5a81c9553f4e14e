import { ConfigError, loadConfig } from '@onestop/platform';
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
    const env = loadConfig(NotificationEnv, { ...base, SMS_PROVIDERS: '[{"name":"viettel","url":"https://sms.example.vn","apiKey":"k","weight":70,"brandname":"UBND HUE"}]', DELIVERY_RETRY_BASE_MS: '300' });
    expect(env.SMS_PROVIDERS).toEqual([{ name: 'viettel', url: 'https://sms.example.vn', apiKey: 'k', weight: 70, brandname: 'UBND HUE', ratePerSecond: 50, deliveryReports: false }]);
    expect(env.DELIVERY_RETRY_BASE_MS).toBe(300);
  });

  it('names what is wrong in a JSON variable, and the numbers and URLs that are not', () => {
    expect(problems({ SMS_PROVIDERS: '[{"name":"Viettel!","url":"ftp://x","apiKey":"k","weight":1,"brandname":"B"}]' })[0]).toMatch(/^SMS_PROVIDERS: must be JSON: .*\(0\.name: must be lower-case/);
    expect(problems({ SMS_PROVIDERS: 'not json' })[0]).toMatch(/^SMS_PROVIDERS: must be JSON/);
    expect(problems({ DELIVERY_RETRY_BASE_MS: 'soon', PUBLIC_LOOKUP_URL: 'http://x/no-placeholder', SMTP_URL: 'mail.example.vn' }).map((p) => p.split(':')[0])).toEqual([
      'SMTP_URL',
      'DELIVERY_RETRY_BASE_MS',
      'PUBLIC_LOOKUP_URL',
    ]);
  });

  it('requires a callback secret in production', () => {
    expect(problems({ NODE_ENV: 'production', AUTH_JWKS_URL: 'https://id.example.vn/jwks' })).toEqual([expect.stringMatching(/^PROVIDER_CALLBACK_SECRET/)]);
  });
});
