import { Inject, Injectable } from '@nestjs/common';
import { Certificate, findSignatures, Revocation, SignedMessage, verifyPdf, VerificationReport } from '@onestop/pades';
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
    const revocations = await this.revocationsOf(signersOf(pdf));
    const issuer = this.pki.crlIssuer?.certificate;
    return await verifyPdf(pdf, {
      trustAnchors: this.pki.trustAnchors,
      intermediates: this.pki.intermediates,
      now: this.clock.now(),
      revocationOf: (certificate) => {
        const known = revocations.get(revocationKey(certificate.issuer, certificate.serialNumber));
        if (known !== undefined) return known;
        // Not in the registry: our CRL is authoritative only for certificates our CA issued.
        return issuer && certificate.isIssuedBy(issuer) ? null : undefined;
      },
    });
  }

  private async revocationsOf(certificates: Certificate[]): Promise<Map<string, Revocation | null>> {
    if (!certificates.length) return new Map();
    // By issuer and serial number, as a CRL names a certificate: another encoding of the same
    // certificate (a different fingerprint) is still the revoked one.
    const rows: { issuer: string; serialNumber: string; revokedAt: Date | null; reason: string | null }[] = await this.dataSource.query(
      `SELECT issuer, serial_number AS "serialNumber", revoked_at AS "revokedAt", revocation_reason AS reason
       FROM certificates WHERE (issuer, serial_number) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [certificates.map((c) => c.issuer), certificates.map((c) => c.serialNumber)],
    );
    return new Map(rows.map((row) => [revocationKey(row.issuer, row.serialNumber), row.revokedAt ? { revokedAt: row.revokedAt, reason: row.reason ?? 'unspecified' } : null]));
  }
}

/** The signers' certificates, for a revocation look-up before verifying; unreadable ones are skipped. */
function signersOf(pdf: Buffer): Certificate[] {
  const certificates: Certificate[] = [];
  for (const signature of findSignatures(pdf)) {
    try {
      const signer = SignedMessage.parse(signature.contents).signerCertificate;
      if (signer) certificates.push(signer);
    } catch {
      // the verification itself reports the malformed signature
    }
  }
  return certificates;
}

function revocationKey(issuer: string, serialNumber: string): string {
  return `${issuer}\n${serialNumber}`;
}
