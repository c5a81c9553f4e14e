import { Certificate, createDevPki, decryptPrivateKey, DevPki, encryptPrivateKey, KeyedCertificate, OID, pemOf, TimeStampingUnit } from '@onestop/pades';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The injection token of the PkiMaterial. */
export const PKI_MATERIAL = Symbol('PKI_MATERIAL');

/** The PKI material the service runs with, read once at start. */
export interface PkiMaterial {
  trustAnchors: Certificate[];
  /** CA certificates below the anchors (the TSA's and the CRL issuer's chains). */
  intermediates: Certificate[];
  /** The service's own TSA; null when an external one is configured or none is present. */
  tsa: TimeStampingUnit | null;
  /** The CA whose CRL the service signs and publishes; null when it has no CA key. */
  crlIssuer: KeyedCertificate | null;
}

export class PkiDirectoryError extends Error {}

const FILES = { anchors: 'trust-anchors.pem', tsa: 'tsa.pem', tsaKey: 'tsa-key.pem', crlIssuer: 'crl-issuer.pem', crlIssuerKey: 'crl-issuer-key.pem' };

function keyed(dir: string, certFile: string, keyFile: string, secret: string): { chain: Certificate[]; key: ReturnType<typeof decryptPrivateKey> } | null {
  if (!existsSync(join(dir, certFile)) || !existsSync(join(dir, keyFile))) return null;
  return { chain: Certificate.parsePemChain(readFileSync(join(dir, certFile), 'utf8')), key: decryptPrivateKey(readFileSync(join(dir, keyFile), 'utf8'), secret) };
}

export function readPkiDirectory(dir: string, secret: string): PkiMaterial {
  const anchorsFile = join(dir, FILES.anchors);
  if (!existsSync(anchorsFile)) throw new PkiDirectoryError(`PKI_DIR: ${anchorsFile} is missing (npm run pki:dev writes a development PKI)`);
  const trustAnchors = Certificate.parsePemChain(readFileSync(anchorsFile, 'utf8'));
  const tsa = keyed(dir, FILES.tsa, FILES.tsaKey, secret);
  const crl = keyed(dir, FILES.crlIssuer, FILES.crlIssuerKey, secret);
  const intermediates = [...(tsa?.chain.slice(1) ?? []), ...(crl?.chain ?? [])].filter((c) => !trustAnchors.some((a) => a.fingerprint === c.fingerprint));
  return {
    trustAnchors,
    intermediates,
    tsa: tsa ? { certificate: tsa.chain[0], chain: tsa.chain.slice(1), privateKey: tsa.key, policy: OID.devTsaPolicy } : null,
    crlIssuer: crl ? { certificate: crl.chain[0], privateKey: crl.key } : null,
  };
}

/** Writes a development PKI in the directory layout the service reads; keys encrypted. */
export function writePkiDirectory(dir: string, pki: DevPki, secret: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, FILES.anchors), pki.root.certificate.pem);
  writeFileSync(join(dir, FILES.tsa), pemOf([pki.tsa.certificate, pki.issuing.certificate]));
  writeFileSync(join(dir, FILES.tsaKey), encryptPrivateKey(pki.tsa.privateKey, secret), { mode: 0o600 });
  writeFileSync(join(dir, FILES.crlIssuer), pki.issuing.certificate.pem);
  writeFileSync(join(dir, FILES.crlIssuerKey), encryptPrivateKey(pki.issuing.privateKey, secret), { mode: 0o600 });
}

/**
 * Creates the development PKI in the directory unless one is there; true when it created it.
 * Officials' certificates come later (`npm run pki:dev -- issue`), with the CRL address in them.
 */
export async function ensureDevelopmentPki(dir: string, secret: string): Promise<boolean> {
  if (existsSync(join(dir, FILES.anchors))) return false;
  writePkiDirectory(dir, await createDevPki({ officers: [] }), secret);
  return true;
}
