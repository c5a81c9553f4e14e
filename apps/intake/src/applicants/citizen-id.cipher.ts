import { Injectable } from '@nestjs/common';
import { Keyring, RingKey, seal, sealedBoxFromText, sealedBoxToText, unseal } from '@onestop/platform';
import { createHmac } from 'node:crypto';
import { IntakeEnv } from '../intake.env';

/** A blind index value and the id of the BLIND_INDEX_KEY key that computed it. */
export interface BlindIndex {
  keyId: string;
  value: string;
}

/**
 * Citizen ID numbers at rest: AES-256-GCM ciphertext (random IV, `keyId:iv:tag:ciphertext`) plus
 * an HMAC blind index, so a desk can find dossiers by the number without the database ever
 * holding it in the clear. Both keys are rings: new values are written under the current key,
 * stored ones are read under the key they name.
 */
@Injectable()
export class CitizenIdCipher {
  readonly encryptionKeys: Keyring;
  readonly indexKeys: Keyring;

  constructor(env: IntakeEnv) {
    this.encryptionKeys = env.personalDataKeys;
    this.indexKeys = env.blindIndexKeys;
  }

  encrypt(citizenId: string): string {
    return sealedBoxToText(seal(this.encryptionKeys, citizenId));
  }

  decrypt(stored: string): string {
    return unseal(this.encryptionKeys, sealedBoxFromText(stored));
  }

  /** The index a new row stores: under the current key. */
  blindIndex(citizenId: string): BlindIndex {
    return indexUnder(this.indexKeys.current, citizenId);
  }

  /** What a search looks for: the index under every key of the ring, since rows keep theirs until re-indexed. */
  blindIndexCandidates(citizenId: string): BlindIndex[] {
    return this.indexKeys.keys.map((key) => indexUnder(key, citizenId));
  }
}

/** The id of the key a stored ciphertext names. */
export function encryptionKeyIdOf(stored: string): string {
  return sealedBoxFromText(stored).keyId;
}

function indexUnder(key: RingKey, citizenId: string): BlindIndex {
  return { keyId: key.id, value: createHmac('sha256', key.secret).update(citizenId).digest('base64url') };
}

/** What officers see by default: the last three digits. */
export function maskCitizenId(citizenId: string): string {
  return `${'*'.repeat(citizenId.length - 3)}${citizenId.slice(-3)}`;
}
