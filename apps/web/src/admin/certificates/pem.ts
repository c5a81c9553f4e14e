/** What the import form can do with a file the administrator picked. */
export type ReadCertificateFile = { pem: string } | { problem: 'pkcs12' | 'unreadable' };

const PKCS12 = /\.(p12|pfx)$/i;

function base64Lines(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return (btoa(binary).match(/.{1,64}/g) ?? []).join('\n');
}

/**
 * A certificate file as the PEM the service reads: PEM text as it is (a chain stays a chain), a
 * binary DER certificate (.cer, .crt) wrapped as PEM. A PKCS#12 bundle is refused here: the service
 * takes the chain and the key separately, each as PEM.
 */
export async function certificateFileAsPem(file: File): Promise<ReadCertificateFile> {
  if (PKCS12.test(file.name)) return { problem: 'pkcs12' };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('-----BEGIN')) return { pem: text.trim() };
  // DER certificates open with a SEQUENCE (0x30) of a long length form.
  if (bytes[0] === 0x30 && bytes.length > 100)
    return { pem: `-----BEGIN CERTIFICATE-----\n${base64Lines(bytes)}\n-----END CERTIFICATE-----` };
  return { problem: 'unreadable' };
}

/** A private key file's text, and whether it is one the service can read: PEM, not password-protected. */
export async function keyFileAsPem(
  file: File,
): Promise<{ pem: string } | { problem: 'pkcs12' | 'encrypted' | 'unreadable' }> {
  if (PKCS12.test(file.name)) return { problem: 'pkcs12' };
  const text = (await file.text()).trim();
  if (text.includes('ENCRYPTED PRIVATE KEY') || text.includes('Proc-Type: 4,ENCRYPTED'))
    return { problem: 'encrypted' };
  if (!/-----BEGIN (RSA |EC )?PRIVATE KEY-----/.test(text)) return { problem: 'unreadable' };
  return { pem: text };
}
