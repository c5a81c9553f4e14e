import { randomBytes } from 'node:crypto';
import { developmentKeyring, keyringProblem, parseKeyring, SINGLE_KEY_ID, UnknownKeyError } from './keyring';
import { seal, sealedBoxFromText, sealedBoxToText, unseal } from './sealed-box';

const key = () => randomBytes(32).toString('base64');

describe('keyrings', () => {
  it('takes a lone key as v1, what was stored before keyrings', () => {
    const single = key();
    const ring = parseKeyring(single, 'base64-key');
    expect(ring.current.id).toBe(SINGLE_KEY_ID);
    expect(ring.current.secret.toString('base64')).toBe(single);
  });

  it('puts the first key of a list in front and keeps the others for reading', () => {
    const ring = parseKeyring(`k2:${key()}, v1:${key()}`, 'base64-key');
    expect(ring.current.id).toBe('k2');
    expect(ring.keys.map((k) => k.id)).toEqual(['k2', 'v1']);
    expect(ring.has('v1')).toBe(true);
    expect(() => ring.key('k9')).toThrow(UnknownKeyError);
  });

  it.each([
    ['a short key', 'c2hvcnQ=', '32 bytes'],
    ['a key that is not base64', `${'!'.repeat(43)}=`, '32 bytes'],
    ['an id written twice', `a:${key()},a:${key()}`, 'each key once'],
    ['an entry without an id', `a:${key()},${key()}`, 'id:secret'],
    ['an upper-case id', `K1:${key()},v1:${key()}`, 'id:secret'],
  ])('refuses %s', (_, setting, problem) => {
    expect(keyringProblem(setting, 'base64-key')).toContain(problem);
  });

  it('takes passphrases as written, colons included after the id', () => {
    const ring = parseKeyring('p2:correct:horse battery,v1:staple', 'passphrase');
    expect(ring.current.secret.toString('utf8')).toBe('correct:horse battery');
    expect(ring.key('v1').secret.toString('utf8')).toBe('staple');
  });

  it('keeps the development key of each purpose the same across restarts, and apart', () => {
    expect(developmentKeyring('personal-data').current.secret).toEqual(
      developmentKeyring('personal-data').current.secret,
    );
    expect(developmentKeyring('personal-data').current.secret).not.toEqual(
      developmentKeyring('blind-index').current.secret,
    );
  });
});

describe('sealed boxes', () => {
  const old = parseKeyring(`v1:${key()}`, 'base64-key');
  const rotated = parseKeyring(`v2:${key()},v1:${old.current.secret.toString('base64')}`, 'base64-key');

  it('opens what an older key sealed once a new key is in front, and seals new boxes with the new key', () => {
    const box = seal(old, 'Nguyễn Thị Hoa', 'DossierReceived:1');
    expect(unseal(rotated, box, 'DossierReceived:1')).toBe('Nguyễn Thị Hoa');
    expect(seal(rotated, 'x').keyId).toBe('v2');
  });

  it('does not open in another context, with a changed byte, or once its key is removed', () => {
    const box = seal(rotated, '0905123456', 'DossierReceived:1');
    expect(() => unseal(rotated, box, 'DossierReceived:2')).toThrow();
    const flipped = Buffer.from(box.ciphertext, 'base64');
    flipped[0] ^= 1;
    expect(() => unseal(rotated, { ...box, ciphertext: flipped.toString('base64') }, 'DossierReceived:1')).toThrow();
    expect(() => unseal(parseKeyring(`v3:${key()}`, 'base64-key'), box, 'DossierReceived:1')).toThrow(UnknownKeyError);
  });

  it('writes a box as one column and reads it back', () => {
    const box = seal(old, '046095007788');
    expect(sealedBoxFromText(sealedBoxToText(box))).toEqual(box);
    expect(() => sealedBoxFromText('v1:abc')).toThrow('not a sealed box');
  });
});
