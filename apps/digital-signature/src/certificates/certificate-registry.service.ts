import { Inject, Injectable } from '@nestjs/common';
import { SignatureFailed } from '@onestop/contracts';
import { createEvent, OutboxWriter, requestOrigin } from '@onestop/messaging';
import { Certificate, CertificateFormatError, validateChain } from '@onestop/pades';
import { afterCommit, Clock, Keyring, Principal } from '@onestop/platform';
import { createPrivateKey, createPublicKey, KeyObject, randomUUID } from 'node:crypto';
import { AdministrativeUnits } from '@onestop/reference-data';
import { DataSource, EntityManager } from 'typeorm';
import { DigitalSignatureEnv } from '../digital-signature.env';
import { openPrivateKey, ProtectedKey, protectPrivateKey } from '../keys/private-key-protection';
import { PKI_MATERIAL, PkiMaterial } from '../pki/pki-directory';
import { DigitalSignatureProblems } from '../problems';
import { SignatureRequestStore } from '../signing/signature-request.store';
import { CertificateEntity } from './certificate.entity';
import { CertificateStore } from './certificate.store';
import { ImportCertificateDto } from './dto/import-certificate.dto';

const KEY_CACHE_MS = 5 * 60_000;

/**
 * The caller's own certificate: registered to the token's subject in the token's province. A
 * subject alone is not enough: another identity provider, or another province's, may issue the
 * same subject to someone else.
 */
export function isOwnCertificate(
  certificate: Pick<CertificateEntity, 'userId' | 'provinceCode'>,
  principal: Principal,
): boolean {
  return (
    certificate.userId === principal.subject &&
    principal.provinceCode !== null &&
    certificate.provinceCode === principal.provinceCode
  );
}

/** Officials' signing certificates bound to user and unit, their keys, revocation and locks. */
@Injectable()
export class CertificateRegistry {
  private readonly keys = new Map<string, { key: KeyObject; until: number }>();
  private readonly keyEncryptionKeys: Keyring;

  constructor(
    private readonly dataSource: DataSource,
    private readonly certificates: CertificateStore,
    private readonly signatureRequests: SignatureRequestStore,
    env: DigitalSignatureEnv,
    private readonly clock: Clock,
    private readonly outbox: OutboxWriter,
    @Inject(PKI_MATERIAL) private readonly pki: PkiMaterial,
    private readonly units: AdministrativeUnits,
  ) {
    this.keyEncryptionKeys = env.keyEncryptionKeys;
  }

  async import(body: ImportCertificateDto, principal: Principal): Promise<CertificateEntity> {
    let chain: Certificate[];
    try {
      chain = Certificate.parsePemChain(body.chainPem);
    } catch (error) {
      if (error instanceof CertificateFormatError) throw DigitalSignatureProblems.chainUnreadable(error.message);
      throw error;
    }
    // An administrator binds certificates to the units of his own province only.
    const unit = await this.units.find(body.unitCode);
    if (!unit || unit.kind === 'province' || unit.provinceCode !== principal.provinceCode) {
      throw DigitalSignatureProblems.unitOutsideProvince(principal.provinceCode);
    }
    const [leaf] = chain;
    const now = this.clock.now();
    const refuse = DigitalSignatureProblems.chainRefused;
    if (leaf.isCa || !leaf.mayCreateSignatures)
      throw refuse('the first certificate is not one that may sign documents (basic constraints, key usage)');
    if (now > leaf.notAfter) throw refuse(`the certificate expired on ${leaf.notAfter.toISOString()}`);
    if (now < leaf.notBefore) throw refuse(`the certificate is valid only from ${leaf.notBefore.toISOString()}`);
    const path = validateChain(leaf, [...chain.slice(1), ...this.pki.intermediates], this.pki.trustAnchors, now);
    if (path.status !== 'valid') throw refuse(`does not chain to a configured trust anchor: ${path.problem}`);
    const protectedKey = body.privateKeyPem === undefined ? null : this.protectKey(body.privateKeyPem, leaf);
    const issuingChain = path.path.slice(1, -1);
    const certificate: CertificateEntity = {
      id: randomUUID(),
      userId: body.userId,
      unitCode: body.unitCode,
      provinceCode: principal.provinceCode!,
      commonName: leaf.commonName,
      subject: leaf.subject,
      issuer: leaf.issuer,
      serialNumber: leaf.serialNumber,
      fingerprint: leaf.fingerprint,
      notBefore: leaf.notBefore,
      notAfter: leaf.notAfter,
      chainPem: [leaf, ...issuingChain].map((c) => c.pem).join(''),
      keyStorage: protectedKey ? 'server' : 'device',
      encryptedPrivateKey: protectedKey?.pem ?? null,
      privateKeySecretId: protectedKey?.keyId ?? null,
      lockedAt: null,
      lockReason: null,
      revokedAt: null,
      revocationReason: null,
      importedBy: principal.subject,
      importedAt: now,
    };
    if (!(await this.certificates.insert(certificate)))
      throw DigitalSignatureProblems.certificateRegistered(leaf.fingerprint);
    return certificate;
  }

  /** Reads a plain PKCS#8 (or PKCS#1) key that must match the certificate, and encrypts it for storage. */
  private protectKey(pem: string, leaf: Certificate): ProtectedKey {
    let key: KeyObject;
    try {
      key = createPrivateKey({ key: pem, format: 'pem' });
    } catch {
      throw DigitalSignatureProblems.privateKeyUnreadable();
    }
    const spki = (k: KeyObject) => k.export({ type: 'spki', format: 'der' });
    if (!spki(createPublicKey(key)).equals(spki(leaf.native.publicKey))) {
      throw DigitalSignatureProblems.privateKeyMismatch();
    }
    return protectPrivateKey(this.keyEncryptionKeys, key);
  }

  /** The one an administrator of its province, or its owner, may see; others get 404. */
  async visible(id: string, principal: Principal): Promise<CertificateEntity> {
    const record = await this.certificates.find(id);
    const admin = principal.roles.includes('province-admin') && record?.provinceCode === principal.provinceCode;
    if (!record || !(admin || isOwnCertificate(record, principal)))
      throw DigitalSignatureProblems.certificateNotFound(id);
    return record;
  }

  /** An administrator's filters apply; anyone else sees only their own certificates. */
  list(principal: Principal, filter: { userId?: string; unitCode?: string }): Promise<CertificateEntity[]> {
    const admin = principal.roles.includes('province-admin');
    return this.certificates.list(principal.provinceCode, {
      userId: admin ? filter.userId : principal.subject,
      unitCode: filter.unitCode,
    });
  }

  /** The newest unrevoked, unexpired certificate of an official: the one that signs for them. */
  current(userId: string, provinceCode: string, tx: EntityManager): Promise<CertificateEntity | null> {
    // Registered by the official's own province: another province's administrator cannot slip a key in.
    return this.certificates.current(tx, userId, provinceCode, this.clock.now());
  }

  async revoke(id: string, reason: string, principal: Principal): Promise<CertificateEntity> {
    await this.visible(id, principal);
    return this.dataSource.transaction(async (tx) => {
      const revoked = await this.certificates.revoke(tx, id, this.clock.now(), reason);
      if (!revoked) throw DigitalSignatureProblems.alreadyRevoked(id);
      // Dropped after commit: dropped earlier, a concurrent signer could load the key again first.
      afterCommit(tx, () => this.keys.delete(id));
      await this.failWaitingRequests(
        tx,
        revoked,
        `the signing certificate ${revoked.serialNumber} was revoked (${reason})`,
        principal,
      );
      return revoked;
    });
  }

  /**
   * Results waiting for this official's device signature cannot be signed once the key is locked or
   * revoked: they fail now, so their dossiers go back to processing instead of waiting forever.
   */
  private async failWaitingRequests(
    tx: EntityManager,
    certificate: CertificateEntity,
    reason: string,
    principal: Principal,
  ): Promise<void> {
    const now = this.clock.now();
    const waiting = await this.signatureRequests.failWaiting(tx, certificate, reason, now);
    const origin = requestOrigin('digital-signature', principal);
    await this.outbox.append(
      tx,
      waiting.map((request) =>
        createEvent(
          SignatureFailed,
          request.dossierId,
          { requestId: request.id, dossierId: request.dossierId, signerId: certificate.userId, reason },
          origin,
          now,
        ),
      ),
    );
  }

  async setLock(id: string, locked: boolean, reason: string | null, principal: Principal): Promise<CertificateEntity> {
    const record = await this.visible(id, principal);
    // Anyone may lock their own key (a lost token); only an administrator unlocks it.
    if (!locked && !principal.roles.includes('province-admin'))
      throw DigitalSignatureProblems.onlyAdministratorUnlocks();
    if (record.revokedAt) throw DigitalSignatureProblems.revokedCannotLock();
    return this.dataSource.transaction(async (tx) => {
      const updated = await this.certificates.setLock(tx, id, locked ? { at: this.clock.now(), reason } : null);
      afterCommit(tx, () => this.keys.delete(id));
      if (locked) await this.failWaitingRequests(tx, updated, `the signing key was locked: ${reason}`, principal);
      return updated;
    });
  }

  /** The decrypted server-side key, kept in memory for a few minutes: decryption costs a PBKDF2 run. */
  privateKey(record: CertificateEntity): KeyObject {
    const cached = this.keys.get(record.id);
    const now = Date.now();
    if (cached && cached.until > now) return cached.key;
    const key = openPrivateKey(this.keyEncryptionKeys, {
      keyId: record.privateKeySecretId!,
      pem: record.encryptedPrivateKey!,
    });
    this.keys.set(record.id, { key, until: now + KEY_CACHE_MS });
    return key;
  }
}
