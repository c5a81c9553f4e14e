import { Inject, Injectable } from '@nestjs/common';
import { Certificate, PdfFormatError, Revocation, verifyPdf, VerificationReport } from '@onestop/pades';
import { Clock } from '@onestop/platform';
import { PKI_MATERIAL, PkiMaterial } from '../pki/pki-directory';
import { DigitalSignatureProblems } from '../problems';
import { VerificationStore } from './verification.store';

/** Verifies PDFs against the configured trust anchors and the registry's revocations. */
@Injectable()
export class VerificationService {
  constructor(
    private readonly store: VerificationStore,
    private readonly clock: Clock,
    @Inject(PKI_MATERIAL) private readonly pki: PkiMaterial,
  ) {}

  /** An uploaded PDF: one that cannot be read is the caller's problem. */
  async verifyUpload(pdf: Buffer): Promise<VerificationReport> {
    try {
      return await this.verify(pdf);
    } catch (error) {
      if (error instanceof PdfFormatError) throw DigitalSignatureProblems.uploadUnreadable(error.message);
      throw error;
    }
  }

  /** A dossier's signed result by its code: who signed, when, and the fingerprint of the signed file; nothing of the applicant. */
  async verifyResult(code: string): Promise<VerificationReport & { dossierCode: string; signedAt: Date }> {
    const result = await this.store.signedResult(code);
    if (!result) throw DigitalSignatureProblems.noSignedResult(code);
    const report = await this.verify(result.content);
    return { dossierCode: code, signedAt: result.createdAt, ...report };
  }

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
    const registered = await this.store.registered(certificate.issuer, certificate.serialNumber);
    if (!registered) return undefined;
    return registered.revokedAt
      ? { revokedAt: registered.revokedAt, reason: registered.revocationReason ?? 'unspecified' }
      : null;
  }
}
