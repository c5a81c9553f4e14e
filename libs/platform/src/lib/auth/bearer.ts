import type { Request } from 'express';
import { ProblemException } from '../errors/problem.exception';
import { Principal } from './principal';
import { InvalidTokenError, TokenVerifier } from './token-verifier';

/** The token of an `Authorization: Bearer …` header, or null. */
export function bearerToken(request: Request): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const [scheme, token] = header.split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : null;
}

/** The token's principal; a token that does not verify is a 401 naming why. */
export async function verifyBearer(verifier: TokenVerifier, token: string): Promise<Principal> {
  try {
    return await verifier.verify(token);
  } catch (error) {
    if (error instanceof InvalidTokenError) throw new ProblemException(401, 'Invalid token', { detail: error.message });
    throw error;
  }
}
