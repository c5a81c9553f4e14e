import { Injectable } from '@nestjs/common';
import { selectListOf } from '@onestop/platform';
import { DataSource, EntityManager, IsNull, MoreThan, Not } from 'typeorm';
import { CertificateEntity } from './certificate.entity';

/** A revoked certificate as a CRL lists it. */
export interface CertificateRevocation {
  serialNumber: string;
  revokedAt: Date;
  reason: string;
}

/** The registry's certificates, and the numbers of the CRLs issued from them. */
@Injectable()
export class CertificateStore {
  private readonly columns: string;

  constructor(private readonly dataSource: DataSource) {
    this.columns = selectListOf(dataSource, CertificateEntity);
  }

  /** False when the certificate is registered already (its fingerprint, or its issuer and serial number). */
  async insert(certificate: CertificateEntity): Promise<boolean> {
    const result = await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(CertificateEntity)
      .values(certificate)
      .orIgnore()
      .returning('id')
      .updateEntity(false)
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  /** Every signature reads its certificate by id: a plain statement, no query building. */
  async find(id: string, tx: EntityManager = this.dataSource.manager): Promise<CertificateEntity | null> {
    const rows: CertificateEntity[] = await tx.query(`SELECT ${this.columns} FROM certificates WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** A province's certificates, newest first; a filter left undefined filters nothing. */
  async list(
    provinceCode: string | null,
    filter: { userId?: string; unitCode?: string },
  ): Promise<CertificateEntity[]> {
    if (provinceCode === null) return [];
    return this.dataSource.getRepository(CertificateEntity).find({
      where: { provinceCode, userId: filter.userId, unitCode: filter.unitCode },
      order: { importedAt: 'DESC' },
      take: 500,
    });
  }

  /** The newest unrevoked certificate of an official registered by the province, valid after `now`. */
  current(tx: EntityManager, userId: string, provinceCode: string, now: Date): Promise<CertificateEntity | null> {
    return tx.getRepository(CertificateEntity).findOne({
      where: { userId, provinceCode, revokedAt: IsNull(), notAfter: MoreThan(now) },
      order: { importedAt: 'DESC' },
    });
  }

  /** The certificate revoked; null when it was revoked already. */
  async revoke(tx: EntityManager, id: string, at: Date, reason: string): Promise<CertificateEntity | null> {
    // An UPDATE answers [rows, count].
    const [rows]: [CertificateEntity[], number] = await tx.query(
      `UPDATE certificates SET revoked_at = $2, revocation_reason = $3 WHERE id = $1 AND revoked_at IS NULL RETURNING ${this.columns}`,
      [id, at, reason],
    );
    return rows[0] ?? null;
  }

  /** Locks the key (a lock time and reason) or unlocks it (both null). */
  async setLock(
    tx: EntityManager,
    id: string,
    lock: { at: Date; reason: string | null } | null,
  ): Promise<CertificateEntity> {
    const [rows]: [CertificateEntity[], number] = await tx.query(
      `UPDATE certificates SET locked_at = $2, lock_reason = $3 WHERE id = $1 RETURNING ${this.columns}`,
      [id, lock?.at ?? null, lock?.reason ?? null],
    );
    return rows[0];
  }

  /** Revocations of the certificates an issuer (by its subject) issued, for its CRL. */
  async revocationsIssuedBy(issuer: string): Promise<CertificateRevocation[]> {
    const revoked = await this.dataSource.getRepository(CertificateEntity).find({
      select: { serialNumber: true, revokedAt: true, revocationReason: true },
      where: { issuer, revokedAt: Not(IsNull()) },
    });
    return revoked.map((certificate) => ({
      serialNumber: certificate.serialNumber,
      revokedAt: certificate.revokedAt!,
      reason: certificate.revocationReason!,
    }));
  }

  /** CRL numbers rise across the service's replicas. */
  async nextCrlNumber(): Promise<number> {
    const [{ number }]: { number: number }[] = await this.dataSource.query(
      `SELECT nextval('crl_numbers')::int AS number`,
    );
    return number;
  }
}
