import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, JWK } from 'jose';

export const DEVELOPMENT_ALGORITHM = 'ES256';
/** The issuer of the development key's tokens (AUTH_ISSUER's default). */
export const DEVELOPMENT_ISSUER = 'onestop-development';

export interface DevelopmentKey {
  privateJwk: JWK;
  publicJwk: JWK;
}

/**
 * The local development signing key: made once per checkout, kept out of git, shared by the
 * services (which verify) and `npm run token` (which signs). Never used in production.
 */
export async function loadOrCreateDevelopmentKey(path: string): Promise<DevelopmentKey> {
  const existing = readKey(path);
  if (existing) return existing;
  const { privateKey, publicKey } = await generateKeyPair(DEVELOPMENT_ALGORITHM, { extractable: true });
  const key: DevelopmentKey = {
    privateJwk: { ...(await exportJWK(privateKey)), alg: DEVELOPMENT_ALGORITHM, kid: 'onestop-development' },
    publicJwk: { ...(await exportJWK(publicKey)), alg: DEVELOPMENT_ALGORITHM, kid: 'onestop-development' },
  };
  mkdirSync(dirname(path), { recursive: true });
  try {
    // 'wx' fails if another process wrote it first; then that key is the one everyone uses.
    writeFileSync(path, JSON.stringify(key, null, 2), { flag: 'wx', mode: 0o600 });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readKey(path)!;
  }
}

function readKey(path: string): DevelopmentKey | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as DevelopmentKey;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
