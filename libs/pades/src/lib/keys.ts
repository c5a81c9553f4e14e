import { PadesError } from './errors';
import { OID } from './oids';
import { createPrivateKey, KeyObject, webcrypto } from 'node:crypto';

/** Thrown when an encrypted private key cannot be opened with the configured secret. */
export class KeyProtectionError extends PadesError {}

/**
 * Private keys at rest: PKCS#8 EncryptedPrivateKeyInfo (PBES2, PBKDF2 and AES-256-CBC), the format
 * OpenSSL and HSM import tools read. The passphrase comes from configuration, never the database.
 */
export function encryptPrivateKey(key: KeyObject, secret: string): string {
  return key.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: secret }) as string;
}

export function decryptPrivateKey(encryptedPem: string, secret: string): KeyObject {
  try {
    return createPrivateKey({ key: encryptedPem, format: 'pem', passphrase: secret });
  } catch {
    // OpenSSL's message names neither the key nor the secret; neither do we.
    throw new KeyProtectionError('the private key cannot be decrypted with the configured secret');
  }
}

/** The CMS signature algorithm of a key, and the WebCrypto one certificate generation needs. */
export function algorithmsOf(key: KeyObject): {
  cmsOid: string;
  webCrypto: webcrypto.RsaHashedImportParams | webcrypto.EcKeyImportParams;
} {
  if (key.asymmetricKeyType === 'rsa')
    return { cmsOid: OID.sha256WithRsa, webCrypto: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } };
  if (key.asymmetricKeyType === 'ec')
    return { cmsOid: OID.ecdsaWithSha256, webCrypto: { name: 'ECDSA', namedCurve: 'P-256' } };
  throw new KeyProtectionError(`keys of type ${key.asymmetricKeyType} are not supported for signing`);
}

export async function toWebCryptoKey(key: KeyObject): Promise<webcrypto.CryptoKey> {
  const { webCrypto } = algorithmsOf(key);
  if (key.type === 'private') {
    return webcrypto.subtle.importKey('pkcs8', key.export({ type: 'pkcs8', format: 'der' }), webCrypto, true, ['sign']);
  }
  return webcrypto.subtle.importKey('spki', key.export({ type: 'spki', format: 'der' }), webCrypto, true, ['verify']);
}
