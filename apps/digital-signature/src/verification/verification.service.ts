import { Inject, Injectable } from '@nestjs/common';
import { Certificate, Revocation, verifyPdf, VerificationReport } from '@onestop/pades';
import { Clock } from '@onestop/platform';
import { DataSource } from 'typeorm';
import { PKI_MATERIAL, PkiMaterial } from '../pki/pki-directory';

/** Verifies PDFs against the configured trust anchors and the registry's revocations. */
@Injectable()
export class VerificationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(PKI_MATERIAL) private readonly pki: PkiMaterial,
  ) {}

  async verify(pdf: Buffer): Promise<VerificationReport> {
    const issuer = this.pki.crlIssuer?.certificate;
    return verifyPdf(pdf, {
      trustAnchors: this.pki.trustAnchors,
      intermediates: this.pki.intermediates,
      now: this.clock.now(),
      revocationOf: async (certificate) => {
        const known = await this.registryRevocation(certificate);
        if (known !== undefined) return known;
        // Not in the registry: our CRL is authoritative only for certificates our CA issued.
        return issuer && certificate.isIssuedBy(issuer) ? null : undefined;
      },
    });
  }

  /**
   * By issuer and serial number, as a CRL names a certificate: another encoding of the same
   * certificate (a different fingerprint) is still the revoked one. undefined: not registered.
   */
  private async registryRevocation(certificate: Certificate): Promise<Revocation | null | undefined> {
    const rows: { revokedAt: Date | null; reason: string | null }[] = await this.dataSource.query(
      `SELECT revoked_at AS "revokedAt", revocation_reason AS reason FROM certificates WHERE issuer = $1 AND serial_number = $2`,
      [certificate.issuer, certificate.serialNumber],
    );
    if (!rows.length) return undefined;
    return rows[0].revokedAt ? { revokedAt: rows[0].revokedAt, reason: rows[0].reason ?? 'unspecified' } : null;
  }
}
