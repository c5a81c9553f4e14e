/** Canonical base64, as the signature service checks it (decoded and encoded again, unchanged). */
export function isBase64(text: string): boolean {
  if (!text || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return false;
  try {
    return btoa(atob(text)) === text;
  } catch {
    return false;
  }
}

/** What a leader pastes: line breaks and spaces from a terminal or an e-mail dropped, PEM-style armour lines too. */
export function cleanSignatureText(text: string): string {
  return text
    .split(/\r?\n/)
    .filter((line) => !/^-----(BEGIN|END) /.test(line.trim()))
    .join('')
    .replace(/\s+/g, '');
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The signature value in a file from the device's software: either the base64 text itself, or the
 * raw signature bytes (a .sig file), which are encoded here.
 */
export function signatureValueFromFile(bytes: Uint8Array): string {
  const asText = cleanSignatureText(new TextDecoder('utf-8', { fatal: false }).decode(bytes));
  return isBase64(asText) ? asText : bytesToBase64(bytes);
}
