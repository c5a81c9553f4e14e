import { Inject, Injectable } from '@nestjs/common';
import { SignatureFailed } from '@onestop/contracts';
import { createEvent, OutboxWriter, requestOrigin } from '@onestop/messaging';
import { Certificate, CertificateFormatError, validateChain } from '@onestop/pades';
import { afterCommit, Clock, invalidRequest, Keyring, Principal, ProblemException, unprocessableRequest } from '@onestop/platform';
import { createPrivateKey, createPublicKey, KeyObject, randomUUID } from 'node:crypto';
import { AdministrativeUnits } from '@onestop/reference-data';
import { DataSource, EntityManager } from 'typeorm';
import { DigitalSignatureEnv } from '../digital-signature.env';
import { openPrivateKey, ProtectedKey, protectPrivateKey } from '../keys/private-key-protection';
import { PKI_MATERIAL, PkiMaterial } from '../pki/pki-directory';
import { CERTIFICATE_COLUMNS, CertificateRecord } from './certificate.record';
import { ImportCertificateDto } from './certificates.dto';

const KEY_CACHE_MS = 5 * 60_000;

/**
 * The caller's own certificate: registered to the token's subject in the token's province. A
 * subject alone is not enough: another identity provider, or another province's, may issue the
 * same subject to someone else.
 */
export function isOwnCertificate(certificate: Pick<CertificateRecord, 'userId' | 'provinceCode'>, principal: Principal): boolean {
  return certificate.userId === principal.subject && principal.provinceCode !== null && certificate.provinceCode === principal.provinceCode;
}

/** Officials' signing certificates bound to user and unit, their keys, revocation and locks. */
@Injectable()
export class CertificateRegistry {
  private readonly keys = new Map<string, { key: KeyObject; until: number }>();
  private readonly keyEncryptionKeys: Keyring;

  constructor(
    private readonly dataSource: DataSource,
    env: DigitalSignatureEnv,
    private readonly clock: Clock,
    private readonly outbox: OutboxWriter,
    @Inject(PKI_MATERIAL) private readonly pki: PkiMaterial,
    private readonly units: AdministrativeUnits,
  ) {
    this.keyEncryptionKeys = env.keyEncryptionKeys;
  }

  async import(body: ImportCertificateDto, principal: Principal): Promise<CertificateRecord> {
    let chain: Certificate[];
    try {
      chain = Certificate.parsePemChain(body.chainPem);
    } catch (error) {
      if (error instanceof CertificateFormatError) throw invalidRequest([{ field: 'chainPem', code: 'invalidFormat', message: error.message }]);
      throw error;
    }
    // An administrator binds certificates to the units of his own province only.
    const unit = await this.units.find(body.unitCode);
    if (!unit || unit.kind === 'province' || unit.provinceCode !== principal.provinceCode) {
      throw unprocessableRequest([{ field: 'unitCode', code: 'notOwnProvince', message: `is not a unit of your province, ${principal.provinceCode ?? 'none'}` }]);
    }
    const [leaf] = chain;
    const now = this.clock.now();
    const refuse = (message: string) => unprocessableRequest([{ field: 'chainPem', code: 'certificateRefused', message }]);
    if (leaf.isCa || !leaf.mayCreateSignatures) throw refuse('the first certificate is not one that may sign documents (basic constraints, key usage)');
    if (now > leaf.notAfter) throw refuse(`the certificate expired on ${leaf.notAfter.toISOString()}`);
    if (now < leaf.notBefore) throw refuse(`the certificate is valid only from ${leaf.notBefore.toISOString()}`);
    const path = validateChain(leaf, [...chain.slice(1), ...this.pki.intermediates], this.pki.trustAnchors, now);
    if (path.status !== 'valid') throw refuse(`does not chain to a configured trust anchor: ${path.problem}`);
    const protectedKey = body.privateKeyPem === undefined ? null : this.protectKey(body.privateKeyPem, leaf);
    const id = randomUUID();
    const issuingChain = path.path.slice(1, -1);
    const rows: CertificateRecord[] = await this.dataSource.query(
      `INSERT INTO certificates (id, user_id, unit_code, province_code, common_name, subject, issuer, serial_number, fingerprint,
         not_before, not_after, chain_pem, key_storage, encrypted_private_key, private_key_secret_id, imported_by, imported_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       ON CONFLICT DO NOTHING RETURNING ${CERTIFICATE_COLUMNS}`,
      [
        id, body.userId, body.unitCode, principal.provinceCode, leaf.commonName, leaf.subject, leaf.issuer, leaf.serialNumber, leaf.fingerprint,
        leaf.notBefore, leaf.notAfter, [leaf, ...issuingChain].map((c) => c.pem).join(''), protectedKey ? 'server' : 'device', protectedKey?.pem ?? null, protectedKey?.keyId ?? null,
        principal.subject, now,
      ],
    );
    if (!rows.length) throw new ProblemException(409, 'Certificate already registered', { detail: `the certificate ${leaf.fingerprint} is in the registry` });
    return rows[0];
  }

  /** Reads a plain PKCS#8 (or PKCS#1) key that must match the certificate, and encrypts it for storage. */
  private protectKey(pem: string, leaf: Certificate): ProtectedKey {
    let key: KeyObject;
    try {
      key = createPrivateKey({ key: pem, format: 'pem' });
    } catch {
      throw invalidRequest([{ field: 'privateKeyPem', code: 'invalidFormat', message: 'is not an unencrypted PEM private key' }]);
    }
    const spki = (k: KeyObject) => k.export({ type: 'spki', format: 'der' });
    if (!spki(createPublicKey(key)).equals(spki(leaf.native.publicKey))) {
      throw unprocessableRequest([{ field: 'privateKeyPem', code: 'keyMismatch', message: "does not match the certificate's public key" }]);
    }
    return protectPrivateKey(this.keyEncryptionKeys, key);
  }

  async find(id: string, tx: EntityManager | DataSource = this.dataSource): Promise<CertificateRecord | null> {
    const rows: CertificateRecord[] = await tx.query(`SELECT ${CERTIFICATE_COLUMNS} FROM certificates WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The one an administrator of its province, or its owner, may see; others get 404. */
  async visible(id: string, principal: Principal): Promise<CertificateRecord> {
    const record = await this.find(id);
    const admin = principal.roles.includes('province-admin') && record?.provinceCode === principal.provinceCode;
    if (!record || !(admin || isOwnCertificate(record, principal))) throw new ProblemException(404, 'Not found', { detail: `no certificate ${id}` });
    return record;
  }

  async list(principal: Principal, filter: { userId?: string; unitCode?: string }): Promise<CertificateRecord[]> {
    const admin = principal.roles.includes('province-admin');
    return this.dataSource.query(
      `SELECT ${CERTIFICATE_COLUMNS} FROM certificates
       WHERE province_code = $1 AND ($2::text IS NULL OR user_id = $2) AND ($3::text IS NULL OR unit_code = $3)
       ORDER BY imported_at DESC LIMIT 500`,
      [principal.provinceCode, admin ? (filter.userId ?? null) : principal.subject, filter.unitCode ?? null],
    );
  }

  /** The newest unrevoked, unexpired certificate of an official: the one that signs for them. */
  async current(userId: string, provinceCode: string, tx: EntityManager | DataSource = this.dataSource): Promise<CertificateRecord | null> {
    // Registered by the official's own province: another province's administrator cannot slip a key in.
    const rows: CertificateRecord[] = await tx.query(
      `SELECT ${CERTIFICATE_COLUMNS} FROM certificates WHERE user_id = $1 AND province_code = $2 AND revoked_at IS NULL AND not_after > $3
       ORDER BY imported_at DESC LIMIT 1`,
      [userId, provinceCode, this.clock.now()],
    );
    return rows[0] ?? null;
  }

  async revoke(id: string, reason: string, principal: Principal): Promise<CertificateRecord> {
    await this.visible(id, principal);
    return this.dataSource.transaction(async (tx) => {
      // An UPDATE answers [rows, count].
      const [rows]: [CertificateRecord[], number] = await tx.query(
        `UPDATE certificates SET revoked_at = $2, revocation_reason = $3 WHERE id = $1 AND revoked_at IS NULL RETURNING ${CERTIFICATE_COLUMNS}`,
        [id, this.clock.now(), reason],
      );
      if (!rows.length) throw new ProblemException(409, 'Already revoked', { detail: `certificate ${id} is revoked already` });
      // Dropped after commit: dropped earlier, a concurrent signer could load the key again first.
      afterCommit(tx, () => this.keys.delete(id));
      await this.failWaitingRequests(tx, rows[0], `the signing certificate ${rows[0].serialNumber} was revoked (${reason})`, principal);
      return rows[0];
    });
  }

  /**
   * Results waiting for this official's device signature cannot be signed once the key is locked or
   * revoked: they fail now, so their dossiers go back to processing instead of waiting forever.
   */
  private async failWaitingRequests(tx: EntityManager, certificate: CertificateRecord, reason: string, principal: Principal): Promise<void> {
    const now = this.clock.now();
    const [waiting]: [{ id: string; dossierId: string }[], number] = await tx.query(
      // Only the certificate's own province's requests: another province's registry entry for the
      // same account (or its lock) touches none of them.
      `UPDATE signature_requests SET state = 'failed', reason = $2, updated_at = $3
        WHERE signer_id = $1 AND state = 'awaiting-signer' AND (province_code = $4 OR province_code IS NULL)
       RETURNING id, dossier_id AS "dossierId"`,
      [certificate.userId, reason, now, certificate.provinceCode],
    );
    const origin = requestOrigin('digital-signature', principal);
    await this.outbox.append(
      tx,
      waiting.map((request) => createEvent(SignatureFailed, request.dossierId, { requestId: request.id, dossierId: request.dossierId, signerId: certificate.userId, reason }, origin, now)),
    );
  }

  async setLock(id: string, locked: boolean, reason: string | null, principal: Principal): Promise<CertificateRecord> {
    const record = await this.visible(id, principal);
    // Anyone may lock their own key (a lost token); only an administrator unlocks it.
    if (!locked && !principal.roles.includes('province-admin')) throw new ProblemException(403, 'Not allowed', { detail: 'only a province administrator unlocks a key' });
    if (record.revokedAt) throw new ProblemException(409, 'Revoked', { detail: 'a revoked certificate can be neither locked nor unlocked' });
    return this.dataSource.transaction(async (tx) => {
      const [rows]: [CertificateRecord[], number] = await tx.query(
        `UPDATE certificates SET locked_at = $2, lock_reason = $3 WHERE id = $1 RETURNING ${CERTIFICATE_COLUMNS}`,
        [id, locked ? this.clock.now() : null, locked ? reason : null],
      );
      afterCommit(tx, () => this.keys.delete(id));
      if (locked) await this.failWaitingRequests(tx, rows[0], `the signing key was locked: ${reason}`, principal);
      return rows[0];
    });
  }

  /** The decrypted server-side key, kept in memory for a few minutes: decryption costs a PBKDF2 run. */
  privateKey(record: CertificateRecord): KeyObject {
    const cached = this.keys.get(record.id);
    const now = Date.now();
    if (cached && cached.until > now) return cached.key;
    const key = openPrivateKey(this.keyEncryptionKeys, { keyId: record.privateKeySecretId!, pem: record.encryptedPrivateKey! });
    this.keys.set(record.id, { key, until: now + KEY_CACHE_MS });
    return key;
  }

  /** Revocations of certificates a CA issued, for its CRL. */
  async revocationsIssuedBy(issuer: Certificate): Promise<{ serialNumber: string; revokedAt: Date; reason: string }[]> {
    return this.dataSource.query(
      `SELECT serial_number AS "serialNumber", revoked_at AS "revokedAt", revocation_reason AS reason FROM certificates WHERE issuer = $1 AND revoked_at IS NOT NULL`,
      [issuer.subject],
    );
  }

}
