import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Keyring } from './keyring';

/** AES-256-GCM output with the id of the key that made it, so that keys can rotate. */
export interface SealedBox {
  keyId: string;
  iv: string;
  tag: string;
  ciphertext: string;
}

/**
 * Encrypts with the ring's current key. `context` (authenticated, not stored) binds the box to
 * where it belongs, e.g. an event's type and dossier id: a box copied elsewhere does not open.
 */
export function seal(ring: Keyring, plaintext: string, context = ''): SealedBox {
  const { id, secret } = ring.current;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secret, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    keyId: id,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
}

/** Opens a box with the key its id names; throws if that key is gone or the box or context was altered. */
export function unseal(ring: Keyring, box: SealedBox, context = ''): string {
  const decipher = createDecipheriv('aes-256-gcm', ring.key(box.keyId).secret, Buffer.from(box.iv, 'base64'));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(Buffer.from(box.tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(box.ciphertext, 'base64')), decipher.final()]).toString('utf8');
}

/** A box in one column: `keyId:iv:tag:ciphertext`, the form citizen ID numbers have always been stored in. */
export function sealedBoxToText(box: SealedBox): string {
  return [box.keyId, box.iv, box.tag, box.ciphertext].join(':');
}

export function sealedBoxFromText(text: string): SealedBox {
  const [keyId, iv, tag, ciphertext, ...rest] = text.split(':');
  if (!ciphertext || rest.length > 0) throw new Error('not a sealed box');
  return { keyId, iv, tag, ciphertext };
}
