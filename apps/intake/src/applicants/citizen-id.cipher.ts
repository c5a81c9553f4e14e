import { Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { IntakeEnv } from '../intake.env';

const KEY_VERSION = 'v1';

/** Outside production, fixed keys keep the local stack's data readable across restarts. */
function developmentKey(purpose: string): Buffer {
  return createHash('sha256').update(`onestop-development-${purpose}`).digest();
}

/**
 * Citizen ID numbers at rest: AES-256-GCM ciphertext (random IV, tagged with the key version so
 * keys can rotate) plus an HMAC blind index, so a desk can find dossiers by the number without
 * the database ever holding it in the clear.
 */
@Injectable()
export class CitizenIdCipher {
  private readonly encryptionKey: Buffer;
  private readonly indexKey: Buffer;

  constructor(env: IntakeEnv) {
    this.encryptionKey = env.PERSONAL_DATA_KEY ? Buffer.from(env.PERSONAL_DATA_KEY, 'base64') : developmentKey('personal-data');
    this.indexKey = env.BLIND_INDEX_KEY ? Buffer.from(env.BLIND_INDEX_KEY, 'base64') : developmentKey('blind-index');
  }

  encrypt(citizenId: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encryptionKey, iv);
    const ciphertext = Buffer.concat([cipher.update(citizenId, 'utf8'), cipher.final()]);
    return [KEY_VERSION, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ciphertext.toString('base64')].join(':');
  }

  decrypt(stored: string): string {
    const [version, iv, tag, ciphertext] = stored.split(':');
    if (version !== KEY_VERSION) throw new Error(`unknown personal data key version ${version}`);
    const decipher = createDecipheriv('aes-256-gcm', this.encryptionKey, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString('utf8');
  }

  blindIndex(citizenId: string): string {
    return createHmac('sha256', this.indexKey).update(citizenId).digest('base64url');
  }
}

/** What officers see by default: the last three digits. */
export function maskCitizenId(citizenId: string): string {
  return `${'*'.repeat(citizenId.length - 3)}${citizenId.slice(-3)}`;
}
