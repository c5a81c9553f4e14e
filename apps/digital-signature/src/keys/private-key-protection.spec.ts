import { KeyProtectionError } from '@onestop/pades';
import { parseKeyring } from '@onestop/platform';
import { generateKeyPairSync } from 'node:crypto';
import { openPrivateKey, openPrivateKeyWithAnyKey, protectPrivateKey } from './private-key-protection';

const OLD = 'the-old-passphrase-of-at-least-24';
const NEW = 'the-new-passphrase-of-at-least-24';

describe('private keys under a passphrase keyring', () => {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = (key: typeof privateKey) => key.export({ type: 'pkcs8', format: 'der' });
  const before = parseKeyring(OLD, 'passphrase');
  const rotated = parseKeyring(`v2:${NEW},v1:${OLD}`, 'passphrase');

  it('encrypts under the current passphrase and names it', () => {
    const stored = protectPrivateKey(rotated, privateKey);
    expect(stored.keyId).toBe('v2');
    expect(stored.pem).toContain('BEGIN ENCRYPTED PRIVATE KEY');
    expect(spki(openPrivateKey(parseKeyring(`v2:${NEW}`, 'passphrase'), stored))).toEqual(spki(privateKey));
  });

  it('opens a key stored before the rotation by the id it carries', () => {
    const stored = protectPrivateKey(before, privateKey);
    expect(stored.keyId).toBe('v1');
    expect(spki(openPrivateKey(rotated, stored))).toEqual(spki(privateKey));
  });

  it('refuses, naming the id, a key whose passphrase the ring no longer holds', () => {
    const stored = protectPrivateKey(before, privateKey);
    expect(() => openPrivateKey(parseKeyring(`v2:${NEW}`, 'passphrase'), stored)).toThrow(
      new KeyProtectionError(
        'the private key is encrypted under KEY_ENCRYPTION_SECRET key v1, which the setting no longer holds',
      ),
    );
  });

  it('opens a PEM without an id with whichever passphrase of the ring fits, and says which', () => {
    const opened = openPrivateKeyWithAnyKey(rotated, protectPrivateKey(before, privateKey).pem);
    expect(opened.keyId).toBe('v1');
    expect(spki(opened.key)).toEqual(spki(privateKey));
    expect(() =>
      openPrivateKeyWithAnyKey(
        parseKeyring(`v3:${'x'.repeat(24)}`, 'passphrase'),
        protectPrivateKey(before, privateKey).pem,
      ),
    ).toThrow(KeyProtectionError);
  });
});
