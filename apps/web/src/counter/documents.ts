/** A document the desk took in: its checklist type, and the scanned file's name, size and SHA-256 (the platform keeps the fingerprint, not the file). */
export interface TakenDocument {
  type: string;
  fileName: string;
  size: number;
  sha256: string;
}

/** The file's SHA-256 in hex, computed in the browser: the scan never leaves the desk's computer to be fingerprinted. */
export async function fingerprint(file: File, type: string): Promise<TakenDocument> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  const sha256 = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return { type, fileName: file.name, size: file.size, sha256 };
}
