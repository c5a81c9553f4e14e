import { configProblems, loadConfig } from '@onestop/platform';
import { randomBytes } from 'node:crypto';
import { IntakeEnv } from './intake.env';

const base = { PORT: '3001', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/onestop_intake' };
// EVENT_DATA_KEYS has its own checks (tools/stack/config-validation.e2e-spec.ts); here it is given.
const production = {
  ...base,
  NODE_ENV: 'production',
  AUTH_JWKS_URL: 'https://id.example.vn/jwks',
  EVENT_DATA_KEYS: `v1:${randomBytes(32).toString('base64')}`,
};
const key = () => randomBytes(32).toString('base64');

describe('IntakeEnv keyrings', () => {
  it('reads a lone key as v1 and a list with its first key current', () => {
    const lone = key();
    const env = loadConfig(IntakeEnv, { ...base, PERSONAL_DATA_KEY: lone, BLIND_INDEX_KEY: `v2:${key()},v1:${key()}` });
    expect(env.personalDataKeys.keys.map((k) => [k.id, k.secret.toString('base64')])).toEqual([['v1', lone]]);
    expect(env.blindIndexKeys.keys.map((k) => k.id)).toEqual(['v2', 'v1']);
  });

  it('requires both in production', () => {
    expect(configProblems(IntakeEnv, production)).toEqual([
      expect.stringMatching(/^PERSONAL_DATA_KEY: .*is required in production/),
      expect.stringMatching(/^BLIND_INDEX_KEY: .*is required in production/),
    ]);
    expect(
      configProblems(IntakeEnv, {
        ...production,
        PERSONAL_DATA_KEY: `v2:${key()},v1:${key()}`,
        BLIND_INDEX_KEY: key(),
      }),
    ).toEqual([]);
  });

  it('names the setting and what is wrong with it, never the key', () => {
    const short = randomBytes(16).toString('base64');
    expect(
      configProblems(IntakeEnv, {
        ...base,
        PERSONAL_DATA_KEY: `v2:${short},v1:${key()}`,
        BLIND_INDEX_KEY: `V2:${key()},v1:${key()}`,
      }),
    ).toEqual([
      'PERSONAL_DATA_KEY: each key is 32 bytes in base64 (openssl rand -base64 32)',
      'BLIND_INDEX_KEY: each key is written id:secret, the id of lower-case letters, digits and hyphens (at most 16)',
    ]);
    const duplicate = configProblems(IntakeEnv, { ...base, PERSONAL_DATA_KEY: `v1:${key()},v1:${key()}` });
    expect(duplicate).toEqual(['PERSONAL_DATA_KEY: a keyring names each key once']);
    expect(configProblems(IntakeEnv, { ...base, PERSONAL_DATA_KEY: short }).join()).not.toContain(short);
  });
});
