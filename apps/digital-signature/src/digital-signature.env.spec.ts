import { randomBytes } from 'node:crypto';
import { configProblems, loadConfig } from '@onestop/platform';
import { DEVELOPMENT_KEY_SECRET, DigitalSignatureEnv } from './digital-signature.env';

const base = { PORT: '3003', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/onestop_digital_signature' };
// EVENT_DATA_KEYS has its own checks (tools/stack/config-validation.e2e-spec.ts); here it is given.
const production = {
  ...base,
  NODE_ENV: 'production',
  AUTH_JWKS_URL: 'https://id.example.vn/jwks',
  EVENT_DATA_KEYS: `v1:${randomBytes(32).toString('base64')}`,
};
const OLD = 'an-old-passphrase-of-24-characters';
const NEW = 'a-new-passphrase-of-24-characters';

describe('DigitalSignatureEnv KEY_ENCRYPTION_SECRET', () => {
  it('reads a lone passphrase as v1, a list with its first passphrase current, and the development secret without a setting', () => {
    expect(
      loadConfig(DigitalSignatureEnv, { ...base, KEY_ENCRYPTION_SECRET: OLD }).keyEncryptionKeys.keys.map((k) => [
        k.id,
        k.secret.toString(),
      ]),
    ).toEqual([['v1', OLD]]);
    expect(
      loadConfig(DigitalSignatureEnv, { ...base, KEY_ENCRYPTION_SECRET: `v2:${NEW},v1:${OLD}` }).keyEncryptionKeys
        .current.id,
    ).toBe('v2');
    expect(
      loadConfig(DigitalSignatureEnv, base).keyEncryptionKeys.keys.map((k) => [k.id, k.secret.toString()]),
    ).toEqual([['v1', DEVELOPMENT_KEY_SECRET]]);
  });

  it('requires it in production', () => {
    expect(configProblems(DigitalSignatureEnv, production)).toEqual([
      expect.stringMatching(/^KEY_ENCRYPTION_SECRET: .*is required in production/),
    ]);
  });

  it('refuses a malformed ring, a short passphrase among several, and the development secret anywhere in the ring', () => {
    expect(configProblems(DigitalSignatureEnv, { ...base, KEY_ENCRYPTION_SECRET: `v2:${NEW},${OLD}` })).toEqual([
      'KEY_ENCRYPTION_SECRET: each key is written id:secret, the id of lower-case letters, digits and hyphens (at most 16)',
    ]);
    expect(configProblems(DigitalSignatureEnv, { ...base, KEY_ENCRYPTION_SECRET: `v2:short,v1:${OLD}` })).toEqual([
      'KEY_ENCRYPTION_SECRET: each passphrase must be at least 24 characters (openssl rand -base64 32)',
    ]);
    expect(
      configProblems(DigitalSignatureEnv, {
        ...production,
        KEY_ENCRYPTION_SECRET: `v2:${NEW},v1:${DEVELOPMENT_KEY_SECRET}`,
      }),
    ).toEqual(['KEY_ENCRYPTION_SECRET: must not hold the development secret']);
  });
});

describe('DigitalSignatureEnv PUBLIC_WEB_URL', () => {
  it("makes a signed result's QR address the web application's verification page, with or without a trailing slash, the code escaped", () => {
    expect(
      loadConfig(DigitalSignatureEnv, { ...base, PUBLIC_WEB_URL: 'https://dichvucong.hue.gov.vn/' }).verificationPageOf(
        '19753-261124-0001',
      ),
    ).toBe('https://dichvucong.hue.gov.vn/xac-minh/19753-261124-0001');
    expect(
      loadConfig(DigitalSignatureEnv, { ...base, PUBLIC_WEB_URL: 'http://127.0.0.1:3000' }).verificationPageOf('a/b'),
    ).toBe('http://127.0.0.1:3000/xac-minh/a%2Fb');
  });

  it('refuses an address that is not http(s)', () => {
    expect(configProblems(DigitalSignatureEnv, { ...base, PUBLIC_WEB_URL: 'ftp://example.vn' })).toEqual([
      'PUBLIC_WEB_URL: must be an http(s) URL',
    ]);
  });
});
