import { Certificate, createDevPki, DevPki, KeyedCertificate, OID, pemOf, TimeStampingUnit } from '@onestop/pades';
import { Keyring } from '@onestop/platform';
import { KeyObject, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPrivateKeyWithAnyKey, protectPrivateKey } from '../keys/private-key-protection';

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

const FILES = {
  anchors: 'trust-anchors.pem',
  tsa: 'tsa.pem',
  tsaKey: 'tsa-key.pem',
  crlIssuer: 'crl-issuer.pem',
  crlIssuerKey: 'crl-issuer-key.pem',
};

function keyed(
  dir: string,
  certFile: string,
  keyFile: string,
  keys: Keyring,
): { chain: Certificate[]; key: KeyObject } | null {
  if (!existsSync(join(dir, certFile)) || !existsSync(join(dir, keyFile))) return null;
  return {
    chain: Certificate.parsePemChain(readFileSync(join(dir, certFile), 'utf8')),
    key: openPrivateKeyWithAnyKey(keys, readFileSync(join(dir, keyFile), 'utf8')).key,
  };
}

export function readPkiDirectory(dir: string, keys: Keyring): PkiMaterial {
  const anchorsFile = join(dir, FILES.anchors);
  if (!existsSync(anchorsFile))
    throw new PkiDirectoryError(`PKI_DIR: ${anchorsFile} is missing (npm run pki:dev writes a development PKI)`);
  const trustAnchors = Certificate.parsePemChain(readFileSync(anchorsFile, 'utf8'));
  const tsa = keyed(dir, FILES.tsa, FILES.tsaKey, keys);
  const crl = keyed(dir, FILES.crlIssuer, FILES.crlIssuerKey, keys);
  const intermediates = [...(tsa?.chain.slice(1) ?? []), ...(crl?.chain ?? [])].filter(
    (c) => !trustAnchors.some((a) => a.fingerprint === c.fingerprint),
  );
  return {
    trustAnchors,
    intermediates,
    tsa: tsa
      ? { certificate: tsa.chain[0], chain: tsa.chain.slice(1), privateKey: tsa.key, policy: OID.devTsaPolicy }
      : null,
    crlIssuer: crl ? { certificate: crl.chain[0], privateKey: crl.key } : null,
  };
}

/** Writes a development PKI in the directory layout the service reads; keys encrypted under the current passphrase. */
export function writePkiDirectory(dir: string, pki: DevPki, keys: Keyring): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, FILES.anchors), pki.root.certificate.pem);
  writeFileSync(join(dir, FILES.tsa), pemOf([pki.tsa.certificate, pki.issuing.certificate]));
  writeFileSync(join(dir, FILES.tsaKey), protectPrivateKey(keys, pki.tsa.privateKey).pem, { mode: 0o600 });
  writeFileSync(join(dir, FILES.crlIssuer), pki.issuing.certificate.pem);
  writeFileSync(join(dir, FILES.crlIssuerKey), protectPrivateKey(keys, pki.issuing.privateKey).pem, { mode: 0o600 });
}

/** What re-encrypting one key file of the directory found: the passphrase it was under, and whether it was rewritten. */
export interface PkiKeyFileRotation {
  file: string;
  from: string;
  rewritten: boolean;
}

/**
 * Re-encrypts the directory's key files under the ring's current passphrase. A PEM names no key
 * id, so each file is opened with whichever passphrase of the ring fits. The new file replaces the
 * old one by a rename in the same directory: a reader sees the old file or the new, never half of
 * one, and a failure leaves the old file in place.
 */
export function reencryptPkiKeyFiles(dir: string, keys: Keyring): PkiKeyFileRotation[] {
  const rotations: PkiKeyFileRotation[] = [];
  for (const file of [FILES.tsaKey, FILES.crlIssuerKey]) {
    const path = join(dir, file);
    if (!existsSync(path)) continue;
    const opened = openPrivateKeyWithAnyKey(keys, readFileSync(path, 'utf8'));
    const rewritten = opened.keyId !== keys.current.id;
    if (rewritten) replaceFile(path, protectPrivateKey(keys, opened.key).pem);
    rotations.push({ file, from: opened.keyId, rewritten });
  }
  return rotations;
}

function replaceFile(path: string, content: string): void {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, content, { mode: 0o600, flag: 'wx', flush: true });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Creates the development PKI in the directory unless one is there; true when it created it.
 * Officials' certificates come later (`npm run pki:dev -- issue`), with the CRL address in them.
 */
export async function ensureDevelopmentPki(dir: string, keys: Keyring): Promise<boolean> {
  if (existsSync(join(dir, FILES.anchors))) return false;
  writePkiDirectory(dir, await createDevPki({ officers: [] }), keys);
  return true;
}
