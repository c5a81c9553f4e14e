import { createHash } from 'node:crypto';
import { ValidateBy, ValidationOptions } from 'class-validator';

/** One key of a ring, named by the id that what it protects carries. */
export interface RingKey {
  id: string;
  secret: Buffer;
}

/**
 * The keys of one purpose (personal data, blind indexes, signing keys, event data): the first one
 * protects what is written now, every one of them still opens what was written before, so a new
 * key is put in front, the data re-encrypted online, and the old key removed afterwards.
 */
export class Keyring {
  private readonly byId: ReadonlyMap<string, RingKey>;

  constructor(readonly keys: readonly RingKey[]) {
    if (keys.length === 0) throw new Error('a keyring needs at least one key');
    this.byId = new Map(keys.map((key) => [key.id, key]));
    if (this.byId.size !== keys.length) throw new Error('a keyring names each key once');
  }

  get current(): RingKey {
    return this.keys[0];
  }

  /** The key of an id found in stored data; throws for an id the ring no longer has. */
  key(id: string): RingKey {
    const key = this.byId.get(id);
    if (!key) throw new UnknownKeyError(id);
    return key;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }
}

export class UnknownKeyError extends Error {
  constructor(readonly keyId: string) {
    super(`no key ${keyId} in the keyring`);
    this.name = 'UnknownKeyError';
  }
}

/** The id a setting holding a single key gives it: what was written before keyrings carries it. */
export const SINGLE_KEY_ID = 'v1';

export const KEY_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,15}$/;
const ENTRY = /^([a-z0-9][a-z0-9-]{0,15}):(.+)$/s;

export type SecretEncoding = 'base64-key' | 'passphrase';

/**
 * Reads a keyring setting: `id:secret,id:secret` (the first is current), or a lone secret, which
 * is the key `v1`. A `base64-key` secret must decode to 32 bytes (AES-256, HMAC-SHA256); a
 * passphrase is taken as written.
 */
export function parseKeyring(setting: string, encoding: SecretEncoding): Keyring {
  const entries =
    setting.includes(',') || ENTRY.test(setting)
      ? setting.split(',').map((entry) => entry.trim())
      : [`${SINGLE_KEY_ID}:${setting}`];
  return new Keyring(
    entries.map((entry) => {
      const match = ENTRY.exec(entry);
      if (!match)
        throw new Error('each key is written id:secret, the id of lower-case letters, digits and hyphens (at most 16)');
      return { id: match[1], secret: decodeSecret(match[2], encoding) };
    }),
  );
}

function decodeSecret(secret: string, encoding: SecretEncoding): Buffer {
  if (encoding === 'passphrase') return Buffer.from(secret, 'utf8');
  const key = Buffer.from(secret, 'base64');
  if (key.length !== 32 || key.toString('base64') !== secret)
    throw new Error('each key is 32 bytes in base64 (openssl rand -base64 32)');
  return key;
}

/** Why a keyring setting is invalid, for the boot-time settings check; undefined when it is valid. */
export function keyringProblem(setting: string, encoding: SecretEncoding): string | undefined {
  try {
    parseKeyring(setting, encoding);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Outside production, a fixed key per purpose keeps the local stack's data readable across restarts. */
export function developmentKeyring(purpose: string): Keyring {
  return new Keyring([
    { id: SINGLE_KEY_ID, secret: createHash('sha256').update(`onestop-development-${purpose}`).digest() },
  ]);
}

/** A keyring setting, checked at boot: the message names what is wrong, never a secret. */
export function IsKeyring(encoding: SecretEncoding, options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isKeyring',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && keyringProblem(value, encoding) === undefined,
        defaultMessage: (args) =>
          (typeof args?.value === 'string' ? keyringProblem(args.value, encoding) : undefined) ??
          'must be a keyring: id:secret,id:secret, the first in use',
      },
    },
    options,
  );
}
