import { Role } from '@onestop/contracts';
import { importJWK, SignJWT } from 'jose';
import { DEVELOPMENT_ALGORITHM, DevelopmentKey } from './development-key';

export interface DevelopmentTokenRequest {
  subject: string;
  roles: Role[];
  unitCode?: string;
  provinceCode?: string;
  issuer: string;
  audience: string;
  expiresIn?: string;
}

/** Signs a token with the development key, with the claim names the default settings read. */
export async function signDevelopmentToken(key: DevelopmentKey, request: DevelopmentTokenRequest): Promise<string> {
  const privateKey = await importJWK(key.privateJwk, DEVELOPMENT_ALGORITHM);
  return new SignJWT({
    roles: request.roles,
    ...(request.unitCode ? { unit_code: request.unitCode } : {}),
    ...(request.provinceCode ? { province_code: request.provinceCode } : {}),
  })
    .setProtectedHeader({ alg: DEVELOPMENT_ALGORITHM, kid: key.privateJwk.kid })
    .setSubject(request.subject)
    .setIssuer(request.issuer)
    .setAudience(request.audience)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn ?? '8h')
    .sign(privateKey);
}
