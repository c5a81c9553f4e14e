import { Certificate } from '@onestop/pades';

/** An official's certificate as the registry keeps it. */
export interface CertificateRecord {
  id: string;
  userId: string;
  unitCode: string;
  provinceCode: string;
  commonName: string;
  subject: string;
  issuer: string;
  serialNumber: string;
  fingerprint: string;
  notBefore: Date;
  notAfter: Date;
  chainPem: string;
  keyStorage: 'server' | 'device';
  encryptedPrivateKey: string | null;
  /** The KEY_ENCRYPTION_SECRET key that encrypted encryptedPrivateKey. */
  privateKeySecretId: string | null;
  lockedAt: Date | null;
  lockReason: string | null;
  revokedAt: Date | null;
  revocationReason: string | null;
  importedBy: string;
  importedAt: Date;
}

export const CERTIFICATE_COLUMNS = `id, user_id AS "userId", unit_code AS "unitCode", province_code AS "provinceCode",
  common_name AS "commonName", subject, issuer, serial_number AS "serialNumber", fingerprint, not_before AS "notBefore",
  not_after AS "notAfter", chain_pem AS "chainPem", key_storage AS "keyStorage", encrypted_private_key AS "encryptedPrivateKey",
  private_key_secret_id AS "privateKeySecretId",
  locked_at AS "lockedAt", lock_reason AS "lockReason", revoked_at AS "revokedAt", revocation_reason AS "revocationReason",
  imported_by AS "importedBy", imported_at AS "importedAt"`;

/** The position the certificate states (its subject's title, T=, e.g. "Chủ tịch"), or null. */
export function certificateTitle(record: Pick<CertificateRecord, 'subject'>): string | null {
  const title = /(?:^|, )T=((?:\\.|[^,\\])+)/.exec(record.subject)?.[1];
  return title ? title.replace(/\\(.)/g, '$1').trim() : null;
}

/** What the API shows of a certificate: never the key, encrypted or not. */
export function certificateView(record: CertificateRecord) {
  return {
    id: record.id,
    userId: record.userId,
    unitCode: record.unitCode,
    commonName: record.commonName,
    subject: record.subject,
    issuer: record.issuer,
    serialNumber: record.serialNumber,
    fingerprint: record.fingerprint,
    notBefore: record.notBefore,
    notAfter: record.notAfter,
    keyStorage: record.keyStorage,
    status: record.revokedAt ? 'revoked' : record.lockedAt ? 'locked' : 'active',
    lockReason: record.lockReason,
    revokedAt: record.revokedAt,
    revocationReason: record.revocationReason,
    importedAt: record.importedAt,
  };
}

// Parsing a certificate costs about a millisecond, more than the signature itself; chains are
// immutable per fingerprint, so each is parsed once (bounded: officials number in thousands).
const parsedChains = new Map<string, Certificate[]>();
const MAX_PARSED_CHAINS = 10_000;

export function chainOf(record: CertificateRecord): Certificate[] {
  let chain = parsedChains.get(record.fingerprint);
  if (!chain) {
    chain = Certificate.parsePemChain(record.chainPem);
    if (parsedChains.size >= MAX_PARSED_CHAINS) parsedChains.delete(parsedChains.keys().next().value!);
    parsedChains.set(record.fingerprint, chain);
  }
  return chain;
}
