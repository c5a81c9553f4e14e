import { isRole, Role } from '@onestop/contracts';
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import { Principal } from './principal';

export interface TokenVerifierSettings {
  issuer: string;
  audience: string;
  rolesClaim: string;
  unitClaim: string;
  provinceClaim: string;
  /** The longest a token may live, from `iat` to `exp`, in seconds. */
  maxLifetimeSeconds: number;
  /** How far the identity provider's clock may be from ours, in seconds. */
  clockSkewSeconds: number;
}

export class InvalidTokenError extends Error {}

type LocalKeys = Parameters<typeof createLocalJWKSet>[0];

/** A second issuer whose tokens are accepted, checked against its own keys. */
interface TrustedIssuer {
  issuer: string;
  keys: JWTVerifyGetKey;
}

/** Reads a claim by dotted path, e.g. Keycloak's `realm_access.roles`. */
function claim(payload: JWTPayload, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], payload);
}

/**
 * A desk files dozens of dossiers with one token; checking its signature each time costs more CPU
 * than the rest of a filing's request handling. A verified token is remembered until it expires,
 * at most this long (so a key the identity provider withdraws stops working within it).
 */
const REMEMBER_MS = 5 * 60_000;
const REMEMBERED_TOKENS = 10_000;

/**
 * Verifies bearer tokens: signature against the identity provider's JWKS (or the development
 * key), issuer, audience and expiry; then maps the claims to a Principal. Outside production a
 * local identity provider's verifier may also trust the development key's issuer (alsoTrusting).
 */
export class TokenVerifier {
  private readonly verified = new Map<string, { principal: Principal; until: number }>();

  constructor(
    private readonly keys: JWTVerifyGetKey,
    private readonly settings: TokenVerifierSettings,
    private readonly others: readonly TrustedIssuer[] = [],
  ) {}

  static forJwksUrl(url: string, settings: TokenVerifierSettings): TokenVerifier {
    return new TokenVerifier(createRemoteJWKSet(new URL(url), { cooldownDuration: 30_000 }), settings);
  }

  static forLocalKeys(keys: LocalKeys, settings: TokenVerifierSettings): TokenVerifier {
    return new TokenVerifier(createLocalJWKSet(keys), settings);
  }

  /**
   * The same checks, and besides the issuer of the settings, tokens whose `iss` is `issuer` signed
   * with `keys`: each issuer's tokens are checked against its own keys only, so neither can sign
   * in the other's name.
   */
  alsoTrusting(issuer: string, keys: LocalKeys): TokenVerifier {
    if (issuer === this.settings.issuer) throw new Error(`the issuer '${issuer}' is trusted already, with other keys`);
    return new TokenVerifier(this.keys, this.settings, [...this.others, { issuer, keys: createLocalJWKSet(keys) }]);
  }

  async verify(token: string): Promise<Principal> {
    const remembered = this.verified.get(token);
    if (remembered && remembered.until > Date.now()) return remembered.principal;
    this.verified.delete(token);
    const { principal, expiresAt } = await this.verifySignature(token);
    if (this.verified.size >= REMEMBERED_TOKENS) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { principal, until: Math.min(expiresAt, Date.now() + REMEMBER_MS) });
    return principal;
  }

  private async verifySignature(token: string): Promise<{ principal: Principal; expiresAt: number }> {
    const { issuer, keys } = this.signerClaimedBy(token);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer,
        audience: this.settings.audience,
        clockTolerance: this.settings.clockSkewSeconds,
        requiredClaims: ['exp', 'iat'],
      }));
    } catch (error) {
      throw new InvalidTokenError((error as Error).message);
    }
    checkLifetime(payload as JWTPayload & { exp: number; iat: number }, this.settings);
    if (!payload.sub) throw new InvalidTokenError('the token has no subject');
    const roles = claim(payload, this.settings.rolesClaim);
    const unit = claim(payload, this.settings.unitClaim);
    const province = claim(payload, this.settings.provinceClaim);
    const principal: Principal = {
      subject: payload.sub,
      roles: Array.isArray(roles) ? roles.filter((r): r is Role => typeof r === 'string' && isRole(r)) : [],
      unitCode: typeof unit === 'string' && unit ? unit : null,
      provinceCode: typeof province === 'string' && province ? province : null,
    };
    return { principal, expiresAt: payload.exp! * 1000 };
  }

  /** The keys of the issuer the token names; the settings' issuer when it names none of the others (jwtVerify then refuses it). */
  private signerClaimedBy(token: string): TrustedIssuer {
    const primary = { issuer: this.settings.issuer, keys: this.keys };
    if (!this.others.length) return primary;
    let claimed: string | undefined;
    try {
      claimed = decodeJwt(token).iss;
    } catch {
      return primary;
    }
    return this.others.find((other) => other.issuer === claimed) ?? primary;
  }
}

/**
 * A stolen token is only as dangerous as it is long-lived: one issued in the future, or for longer
 * than the province allows, is refused even when its signature is good. jose checks `exp` and
 * `nbf` against now; the issue time and the span are ours to check.
 */
function checkLifetime(payload: { exp: number; iat: number }, settings: TokenVerifierSettings): void {
  const now = Math.floor(Date.now() / 1000);
  if (payload.iat > now + settings.clockSkewSeconds)
    throw new InvalidTokenError('"iat" claim timestamp check failed (issued in the future)');
  if (payload.exp - payload.iat > settings.maxLifetimeSeconds) {
    throw new InvalidTokenError(
      `the token lives longer than the ${settings.maxLifetimeSeconds} s allowed ("exp" - "iat")`,
    );
  }
}
