import { cleanSignatureText, isBase64, signatureValueFromFile } from './signature-value';

describe('signature values', () => {
  it('accepts canonical base64 only', () => {
    expect(isBase64('QUJDRA==')).toBe(true);
    expect(isBase64('QUJDRA')).toBe(false);
    expect(isBase64('not base64!')).toBe(false);
    expect(isBase64('')).toBe(false);
  });

  it('drops line breaks, spaces and armour lines from pasted text', () => {
    expect(cleanSignatureText('-----BEGIN SIGNATURE-----\r\nQUJD\n REVG \n-----END SIGNATURE-----\n')).toBe('QUJDREVG');
  });

  it('reads a file holding the base64 text as that text, and raw signature bytes as their base64', () => {
    expect(signatureValueFromFile(new TextEncoder().encode('QUJD\nREVG\n'))).toBe('QUJDREVG');
    const raw = new Uint8Array([0, 255, 16, 128, 7]);
    expect(signatureValueFromFile(raw)).toBe(Buffer.from(raw).toString('base64'));
  });
});
