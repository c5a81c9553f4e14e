import { isRole, Role } from '@onestop/contracts';
import { createLocalJWKSet, createRemoteJWKSet, JWTPayload, jwtVerify, JWTVerifyGetKey } from 'jose';
import { Principal } from './principal';

export interface TokenVerifierSettings {
  issuer: string;
  audience: string;
  rolesClaim: string;
  unitClaim: string;
  provinceClaim: string;
}

export class InvalidTokenError extends Error {}

/** Reads a claim by dotted path, e.g. Keycloak's `realm_access.roles`. */
function claim(payload: JWTPayload, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], payload);
}

/**
 * Verifies bearer tokens: signature against the identity provider's JWKS (or the development
 * key), issuer, audience and expiry; then maps the claims to a Principal.
 */
export class TokenVerifier {
  constructor(
    private readonly keys: JWTVerifyGetKey,
    private readonly settings: TokenVerifierSettings,
  ) {}

  static forJwksUrl(url: string, settings: TokenVerifierSettings): TokenVerifier {
    return new TokenVerifier(createRemoteJWKSet(new URL(url), { cooldownDuration: 30_000 }), settings);
  }

  static forLocalKeys(keys: Parameters<typeof createLocalJWKSet>[0], settings: TokenVerifierSettings): TokenVerifier {
    return new TokenVerifier(createLocalJWKSet(keys), settings);
  }

  async verify(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.settings.issuer,
        audience: this.settings.audience,
        clockTolerance: 30,
      }));
    } catch (error) {
      throw new InvalidTokenError((error as Error).message);
    }
    if (!payload.sub) throw new InvalidTokenError('the token has no subject');
    const roles = claim(payload, this.settings.rolesClaim);
    const unit = claim(payload, this.settings.unitClaim);
    const province = claim(payload, this.settings.provinceClaim);
    return {
      subject: payload.sub,
      roles: Array.isArray(roles) ? roles.filter((r): r is Role => typeof r === 'string' && isRole(r)) : [],
      unitCode: typeof unit === 'string' && unit ? unit : null,
      provinceCode: typeof province === 'string' && province ? province : null,
    };
  }
}
