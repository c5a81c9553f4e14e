import { IntakeEnv } from '../intake.env';
import { CitizenIdCipher, maskCitizenId } from './citizen-id.cipher';

describe('CitizenIdCipher', () => {
  const env = Object.assign(new IntakeEnv(), { PERSONAL_DATA_KEY: Buffer.alloc(32, 7).toString('base64') });
  const cipher = new CitizenIdCipher(env);

  it('round-trips and never stores the number in the clear', () => {
    const stored = cipher.encrypt('046095001234');
    expect(stored).not.toContain('046095001234');
    expect(cipher.decrypt(stored)).toBe('046095001234');
  });

  it('gives a different ciphertext each time but the same blind index', () => {
    expect(cipher.encrypt('046095001234')).not.toBe(cipher.encrypt('046095001234'));
    expect(cipher.blindIndex('046095001234')).toBe(cipher.blindIndex('046095001234'));
    expect(cipher.blindIndex('046095001234')).not.toBe(cipher.blindIndex('046095001235'));
  });

  it('refuses a tampered ciphertext', () => {
    const [version, iv, tag, data] = cipher.encrypt('046095001234').split(':');
    const flipped = Buffer.from(data, 'base64');
    flipped[0] ^= 1;
    expect(() => cipher.decrypt([version, iv, tag, flipped.toString('base64')].join(':'))).toThrow();
  });

  it('cannot be read with another key', () => {
    const other = new CitizenIdCipher(Object.assign(new IntakeEnv(), { PERSONAL_DATA_KEY: Buffer.alloc(32, 9).toString('base64') }));
    expect(() => other.decrypt(cipher.encrypt('046095001234'))).toThrow();
  });

  it('masks all but the last three digits', () => {
    expect(maskCitizenId('046095001234')).toBe('*********234');
  });
});
