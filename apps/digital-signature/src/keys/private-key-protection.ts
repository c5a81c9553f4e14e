import { decryptPrivateKey, encryptPrivateKey, KeyProtectionError } from '@onestop/pades';
import { Keyring, RingKey } from '@onestop/platform';
import { KeyObject } from 'node:crypto';

/** An encrypted PKCS#8 private key and the id of the KEY_ENCRYPTION_SECRET passphrase that encrypted it. */
export interface ProtectedKey {
  keyId: string;
  pem: string;
}

const passphraseOf = (key: RingKey) => key.secret.toString('utf8');

/** Encrypts under the ring's current passphrase. */
export function protectPrivateKey(ring: Keyring, key: KeyObject): ProtectedKey {
  return { keyId: ring.current.id, pem: encryptPrivateKey(key, passphraseOf(ring.current)) };
}

/** Opens a stored key with the passphrase its id names. */
export function openPrivateKey(ring: Keyring, stored: ProtectedKey): KeyObject {
  if (!ring.has(stored.keyId))
    throw new KeyProtectionError(
      `the private key is encrypted under KEY_ENCRYPTION_SECRET key ${stored.keyId}, which the setting no longer holds`,
    );
  return decryptPrivateKey(stored.pem, passphraseOf(ring.key(stored.keyId)));
}

/**
 * Opens a PEM file, which names no key id, with the first passphrase of the ring that opens it
 * (the current one first: after a rotation it is the one that fits).
 */
export function openPrivateKeyWithAnyKey(ring: Keyring, pem: string): { key: KeyObject; keyId: string } {
  for (const ringKey of ring.keys) {
    try {
      return { key: decryptPrivateKey(pem, passphraseOf(ringKey)), keyId: ringKey.id };
    } catch (error) {
      if (!(error instanceof KeyProtectionError)) throw error;
    }
  }
  throw new KeyProtectionError(
    `the private key opens with none of the ${ring.keys.length} KEY_ENCRYPTION_SECRET passphrase(s)`,
  );
}
