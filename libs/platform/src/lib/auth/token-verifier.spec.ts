import { createLocalJWKSet, exportJWK, generateKeyPair, importJWK, SignJWT } from 'jose';
import { DevelopmentKey } from './development-key';
import { signDevelopmentToken } from './development-token';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

const settings = {
  issuer: 'idp',
  audience: 'onestop',
  rolesClaim: 'roles',
  unitClaim: 'unit_code',
  provinceClaim: 'province_code',
  maxLifetimeSeconds: 12 * 3600,
  clockSkewSeconds: 30,
};

async function newKey(): Promise<DevelopmentKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  return {
    privateJwk: { ...(await exportJWK(privateKey)), kid: 'k' },
    publicJwk: { ...(await exportJWK(publicKey)), kid: 'k' },
  };
}

describe('TokenVerifier', () => {
  let key: DevelopmentKey;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    key = await newKey();
    verifier = TokenVerifier.forLocalKeys({ keys: [key.publicJwk] }, settings);
  });

  it('maps claims to a principal and ignores roles it does not know', async () => {
    const token = await signDevelopmentToken(key, {
      subject: 'u1',
      roles: ['specialist', 'wizard' as never],
      unitCode: '19753',
      provinceCode: '46',
      issuer: 'idp',
      audience: 'onestop',
    });
    await expect(verifier.verify(token)).resolves.toEqual({
      subject: 'u1',
      roles: ['specialist'],
      unitCode: '19753',
      provinceCode: '46',
    });
  });

  it('refuses a token signed by another key, for another audience, or expired', async () => {
    const other = await newKey();
    const base = { subject: 'u1', roles: ['citizen' as const], issuer: 'idp', audience: 'onestop' };
    await expect(verifier.verify(await signDevelopmentToken(other, base))).rejects.toThrow();
    await expect(verifier.verify(await signDevelopmentToken(key, { ...base, audience: 'elsewhere' }))).rejects.toThrow(
      /aud/,
    );
    await expect(verifier.verify(await signDevelopmentToken(key, { ...base, expiresIn: '-5m' }))).rejects.toThrow(
      /exp/,
    );
  });

  describe('lifetime', () => {
    const now = () => Math.floor(Date.now() / 1000);

    /** A token with exactly the time claims given (none set by default). */
    async function tokenWithTimes(times: { iat?: number; exp?: number; nbf?: number }): Promise<string> {
      const jwt = new SignJWT({ roles: ['citizen'] })
        .setProtectedHeader({ alg: 'ES256', kid: 'k' })
        .setSubject('u')
        .setIssuer('idp')
        .setAudience('onestop');
      if (times.iat !== undefined) jwt.setIssuedAt(times.iat);
      if (times.exp !== undefined) jwt.setExpirationTime(times.exp);
      if (times.nbf !== undefined) jwt.setNotBefore(times.nbf);
      return jwt.sign(await importJWK(key.privateJwk, 'ES256'));
    }

    it('accepts a token issued now for the longest lifetime allowed, and one issued within the clock skew', async () => {
      await expect(
        verifier.verify(await tokenWithTimes({ iat: now(), exp: now() + 12 * 3600 })),
      ).resolves.toMatchObject({ subject: 'u' });
      await expect(
        verifier.verify(await tokenWithTimes({ iat: now() + 20, exp: now() + 3600 })),
      ).resolves.toMatchObject({ subject: 'u' });
    });

    it.each([
      ['no expiry', () => ({ iat: now() })],
      ['no issue time', () => ({ exp: now() + 3600 })],
      ['an expiry a century ahead', () => ({ iat: now(), exp: now() + 100 * 365 * 86_400 })],
      ['a lifetime one second over the maximum', () => ({ iat: now(), exp: now() + 12 * 3600 + 1 })],
      ['an issue time in the future beyond the skew', () => ({ iat: now() + 120, exp: now() + 3600 })],
      ['a not-before in the future beyond the skew', () => ({ iat: now(), exp: now() + 3600, nbf: now() + 120 })],
    ])('refuses a token with %s', async (_case, times) => {
      await expect(verifier.verify(await tokenWithTimes(times()))).rejects.toBeInstanceOf(InvalidTokenError);
    });
  });

  it('reads Keycloak-style nested role claims when configured', async () => {
    const keycloak = TokenVerifier.forLocalKeys(
      { keys: [key.publicJwk] },
      { ...settings, rolesClaim: 'realm_access.roles' },
    );
    const token = await new SignJWT({ realm_access: { roles: ['unit-leader'] }, unit_code: '19753' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k' })
      .setSubject('u2')
      .setIssuer('idp')
      .setAudience('onestop')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(await importJWK(key.privateJwk, 'ES256'));
    await expect(keycloak.verify(token)).resolves.toMatchObject({ roles: ['unit-leader'], unitCode: '19753' });
  });

  describe('a second trusted issuer', () => {
    let development: DevelopmentKey;
    let both: TokenVerifier;
    const request = {
      subject: 'u4',
      roles: ['desk-officer' as const],
      unitCode: '19753',
      provinceCode: '46',
      audience: 'onestop',
    };

    beforeAll(async () => {
      development = await newKey();
      both = verifier.alsoTrusting('onestop-development', { keys: [development.publicJwk] });
    });

    it("accepts each issuer's tokens signed with that issuer's keys", async () => {
      await expect(both.verify(await signDevelopmentToken(key, { ...request, issuer: 'idp' }))).resolves.toMatchObject({
        subject: 'u4',
        unitCode: '19753',
      });
      await expect(
        both.verify(await signDevelopmentToken(development, { ...request, issuer: 'onestop-development' })),
      ).resolves.toMatchObject({ roles: ['desk-officer'] });
    });

    it("refuses a token signed with one issuer's keys in the other's name, or naming an issuer it does not trust", async () => {
      await expect(
        both.verify(await signDevelopmentToken(development, { ...request, issuer: 'idp' })),
      ).rejects.toBeInstanceOf(InvalidTokenError);
      await expect(
        both.verify(await signDevelopmentToken(key, { ...request, issuer: 'onestop-development' })),
      ).rejects.toBeInstanceOf(InvalidTokenError);
      await expect(
        both.verify(await signDevelopmentToken(development, { ...request, issuer: 'elsewhere' })),
      ).rejects.toBeInstanceOf(InvalidTokenError);
    });

    it("keeps the audience check for the second issuer's tokens", async () => {
      const elsewhere = await signDevelopmentToken(development, {
        ...request,
        issuer: 'onestop-development',
        audience: 'elsewhere',
      });
      await expect(both.verify(elsewhere)).rejects.toThrow(/aud/);
    });

    it('refuses to trust the issuer of the settings a second time, with other keys', () => {
      expect(() => verifier.alsoTrusting('idp', { keys: [development.publicJwk] })).toThrow(/trusted already/);
    });

    it('leaves the verifier it was made from trusting its own issuer only', async () => {
      await expect(
        verifier.verify(await signDevelopmentToken(development, { ...request, issuer: 'onestop-development' })),
      ).rejects.toBeInstanceOf(InvalidTokenError);
    });
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
      const token = await signDevelopmentToken(key, {
        subject: 'u3',
        roles: ['citizen'],
        issuer: 'idp',
        audience: 'onestop',
        expiresIn: '60s',
      });
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
