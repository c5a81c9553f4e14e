import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CertificateEntity } from '../certificates/certificate.entity';
import { DocumentEntity } from '../signing/document.entity';

/** A dossier's signed result as its public verification reads it. */
export type SignedResult = Pick<DocumentEntity, 'content' | 'sha256' | 'createdAt'>;

/** What verification reads: dossiers' signed results and the registry's revocations. */
@Injectable()
export class VerificationStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The result the decision's own signature produced, not any later signed copy of it. */
  async signedResult(dossierCode: string): Promise<SignedResult | null> {
    const rows: SignedResult[] = await this.dataSource.query(
      `SELECT d.content, d.sha256, d.created_at AS "createdAt" FROM signature_requests r JOIN documents d ON d.id = r.signed_document_id
       WHERE r.dossier_code = $1 AND r.state = 'signed' ORDER BY r.updated_at DESC LIMIT 1`,
      [dossierCode],
    );
    return rows[0] ?? null;
  }

  /** The registered certificate by issuer and serial number, as a CRL names one: its revocation only. */
  registered(
    issuer: string,
    serialNumber: string,
  ): Promise<Pick<CertificateEntity, 'revokedAt' | 'revocationReason'> | null> {
    return this.dataSource
      .getRepository(CertificateEntity)
      .findOne({ select: { revokedAt: true, revocationReason: true }, where: { issuer, serialNumber } });
  }
}
