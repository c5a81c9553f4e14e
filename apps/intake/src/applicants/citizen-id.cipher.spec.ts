import { UnknownKeyError } from '@onestop/platform';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { IntakeEnv } from '../intake.env';
import { CitizenIdCipher, encryptionKeyIdOf, maskCitizenId } from './citizen-id.cipher';

const key = () => randomBytes(32).toString('base64');
const cipherWith = (settings: Partial<IntakeEnv>) => new CitizenIdCipher(Object.assign(new IntakeEnv(), settings));

describe('CitizenIdCipher', () => {
  const oldKeys = { PERSONAL_DATA_KEY: key(), BLIND_INDEX_KEY: key() };
  const cipher = cipherWith(oldKeys);

  it('round-trips and never stores the number in the clear', () => {
    const stored = cipher.encrypt('046095001234');
    expect(stored).not.toContain('046095001234');
    expect(cipher.decrypt(stored)).toBe('046095001234');
  });

  it('gives a different ciphertext each time but the same blind index', () => {
    expect(cipher.encrypt('046095001234')).not.toBe(cipher.encrypt('046095001234'));
    expect(cipher.blindIndex('046095001234')).toEqual(cipher.blindIndex('046095001234'));
    expect(cipher.blindIndex('046095001234').value).not.toBe(cipher.blindIndex('046095001235').value);
  });

  it('refuses a tampered ciphertext', () => {
    const [version, iv, tag, data] = cipher.encrypt('046095001234').split(':');
    const flipped = Buffer.from(data, 'base64');
    flipped[0] ^= 1;
    expect(() => cipher.decrypt([version, iv, tag, flipped.toString('base64')].join(':'))).toThrow();
  });

  it('cannot be read with another key of the same id', () => {
    expect(() => cipherWith({ PERSONAL_DATA_KEY: key() }).decrypt(cipher.encrypt('046095001234'))).toThrow();
  });

  it('takes a lone key as v1, the id stored citizen IDs have always carried', () => {
    expect(encryptionKeyIdOf(cipher.encrypt('046095001234'))).toBe('v1');
    expect(cipher.blindIndex('046095001234').keyId).toBe('v1');
  });

  it('writes under the new key once it is in front, and still reads and finds what the old one wrote', () => {
    const rotated = cipherWith({
      PERSONAL_DATA_KEY: `v2:${key()},v1:${oldKeys.PERSONAL_DATA_KEY}`,
      BLIND_INDEX_KEY: `v2:${key()},v1:${oldKeys.BLIND_INDEX_KEY}`,
    });
    const stored = cipher.encrypt('046095001234');
    expect(rotated.decrypt(stored)).toBe('046095001234');
    expect(encryptionKeyIdOf(rotated.encrypt('046095001234'))).toBe('v2');
    expect(rotated.blindIndex('046095001234').keyId).toBe('v2');
    expect(rotated.blindIndexCandidates('046095001234')).toEqual([
      rotated.blindIndex('046095001234'),
      cipher.blindIndex('046095001234'),
    ]);
  });

  it('names the key a ciphertext needs once the ring has dropped it', () => {
    const stored = cipher.encrypt('046095001234');
    expect(() => cipherWith({ PERSONAL_DATA_KEY: `v2:${key()}` }).decrypt(stored)).toThrow(UnknownKeyError);
  });

  it('uses the fixed development keys without settings, the same as before keyrings', () => {
    const development = cipherWith({});
    expect(development.decrypt(cipherWith({}).encrypt('046095001234'))).toBe('046095001234');
    // What the local stack's rows hold: HMAC-SHA256 under sha256('onestop-development-blind-index').
    const developmentIndexKey = createHash('sha256').update('onestop-development-blind-index').digest();
    expect(development.blindIndex('046095001234')).toEqual({
      keyId: 'v1',
      value: createHmac('sha256', developmentIndexKey).update('046095001234').digest('base64url'),
    });
  });

  it('masks all but the last three digits', () => {
    expect(maskCitizenId('046095001234')).toBe('*********234');
  });
});
