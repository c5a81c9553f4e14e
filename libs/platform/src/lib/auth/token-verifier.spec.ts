import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { DevelopmentKey } from './development-key';
import { signDevelopmentToken } from './development-token';
import { TokenVerifier } from './token-verifier';

const settings = { issuer: 'idp', audience: 'onestop', rolesClaim: 'roles', unitClaim: 'unit_code', provinceClaim: 'province_code' };

async function newKey(): Promise<DevelopmentKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  return { privateJwk: { ...(await exportJWK(privateKey)), kid: 'k' }, publicJwk: { ...(await exportJWK(publicKey)), kid: 'k' } };
}

describe('TokenVerifier', () => {
  let key: DevelopmentKey;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    key = await newKey();
    verifier = TokenVerifier.forLocalKeys({ keys: [key.publicJwk] }, settings);
  });

  it('maps claims to a principal and ignores roles it does not know', async () => {
    const token = await signDevelopmentToken(key, { subject: 'u1', roles: ['specialist', 'wizard' as never], unitCode: '19753', provinceCode: '46', issuer: 'idp', audience: 'onestop' });
    await expect(verifier.verify(token)).resolves.toEqual({ subject: 'u1', roles: ['specialist'], unitCode: '19753', provinceCode: '46' });
  });

  it('refuses a token signed by another key, for another audience, or expired', async () => {
    const other = await newKey();
    const base = { subject: 'u1', roles: ['citizen' as const], issuer: 'idp', audience: 'onestop' };
    await expect(verifier.verify(await signDevelopmentToken(other, base))).rejects.toThrow();
    await expect(verifier.verify(await signDevelopmentToken(key, { ...base, audience: 'elsewhere' }))).rejects.toThrow(/aud/);
    await expect(verifier.verify(await signDevelopmentToken(key, { ...base, expiresIn: '-5m' }))).rejects.toThrow(/exp/);
  });

  it('reads Keycloak-style nested role claims when configured', async () => {
    const keycloak = TokenVerifier.forLocalKeys({ keys: [key.publicJwk] }, { ...settings, rolesClaim: 'realm_access.roles' });
    const { importJWK } = await import('jose');
    const token = await new SignJWT({ realm_access: { roles: ['unit-leader'] }, unit_code: '19753' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k' })
      .setSubject('u2').setIssuer('idp').setAudience('onestop').setExpirationTime('5m')
      .sign(await importJWK(key.privateJwk, 'ES256'));
    await expect(keycloak.verify(token)).resolves.toMatchObject({ roles: ['unit-leader'], unitCode: '19753' });
  });

  it("checks a token's signature once, then remembers it until it expires", async () => {
    const local = createLocalJWKSet({ keys: [key.publicJwk] });
    let keyLookups = 0;
    const counting = new TokenVerifier((header, token) => {
      keyLookups += 1;
      return local(header, token);
    }, settings);
    const now = Date.now();
    jest.useFakeTimers({ now, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const token = await signDevelopmentToken(key, { subject: 'u3', roles: ['citizen'], issuer: 'idp', audience: 'onestop', expiresIn: '60s' });
      await expect(counting.verify(token)).resolves.toMatchObject({ subject: 'u3' });
      jest.setSystemTime(now + 59_000);
      await expect(counting.verify(token)).resolves.toMatchObject({ subject: 'u3' });
      expect(keyLookups).toBe(1);
      // Past its expiry (and the 30 s of clock tolerance) it is checked again, and refused.
      jest.setSystemTime(now + 100_000);
      await expect(counting.verify(token)).rejects.toThrow(/exp/);
      expect(keyLookups).toBe(2);
    } finally {
      jest.useRealTimers();
    }
  });
});
