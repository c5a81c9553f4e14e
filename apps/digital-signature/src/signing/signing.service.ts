import { Inject, Injectable } from '@nestjs/common';
import { DocumentSigned } from '@onestop/contracts';
import { createEvent, EventOrigin, OutboxWriter } from '@onestop/messaging';
import {
  algorithmsOf,
  Certificate,
  completeSignature,
  OID,
  PadesError,
  prepareSignature,
  PreparedSignature,
  SignatureLevel,
  timeStampTimeOf,
  signWithKey,
  validateChain,
} from '@onestop/pades';
import { Clock } from '@onestop/platform';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CertificateRegistry } from '../certificates/certificate-registry.service';
import { chainOf } from '../certificates/certificate-chain';
import { CertificateEntity } from '../certificates/certificate.entity';
import { PKI_MATERIAL, PkiMaterial } from '../pki/pki-directory';
import { TimeStampService } from '../pki/time-stamp.service';
import { readersOf } from './document-readers';
import { DocumentEntity } from './document.entity';
import { DocumentStore } from './document.store';
import { PreparationEntity } from './preparation.entity';
import { PreparationStore } from './preparation.store';
import { SignatureStore } from './signature.store';

/** A signature that cannot be made as asked: the certificate, the key or the TSA stands in the way. */
export class SignatureRefused extends PadesError {}

/** What is signed, by whom, for what. */
export interface SigningContext {
  certificate: CertificateEntity;
  level: SignatureLevel;
  reason?: string;
  location?: string;
  /** The stored document signed over (a result, or an earlier signed revision). */
  source: DocumentEntity | null;
  provinceCode: string;
  dossier: { id: string; code: string } | null;
  requestId: string | null;
  origin: EventOrigin;
}

export interface SignatureResult {
  signatureId: string;
  documentId: string;
  sha256: string;
  level: SignatureLevel;
  signer: { userId: string; commonName: string; serialNumber: string };
  claimedSigningTime: string;
  timeStampTime: string | null;
}

const PREPARATION_TTL_MS = 15 * 60_000;

/** PAdES signatures with officials' registered certificates: in one step with a key held here, or in two. */
@Injectable()
export class SigningService {
  constructor(
    private readonly registry: CertificateRegistry,
    private readonly timeStamps: TimeStampService,
    private readonly documents: DocumentStore,
    private readonly signatures: SignatureStore,
    private readonly preparations: PreparationStore,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    @Inject(PKI_MATERIAL) private readonly pki: PkiMaterial,
  ) {}

  /** Why this certificate may not sign now, or null. */
  refusal(certificate: CertificateEntity, needsServerKey: boolean, level: SignatureLevel): string | null {
    const now = this.clock.now();
    if (certificate.revokedAt)
      return `the certificate ${certificate.serialNumber} is revoked (${certificate.revocationReason})`;
    if (certificate.lockedAt) return `the signing key is locked: ${certificate.lockReason}`;
    if (now > certificate.notAfter || now < certificate.notBefore)
      return `the certificate ${certificate.serialNumber} is not valid now`;
    if (needsServerKey && certificate.keyStorage !== 'server')
      return 'the key is on a device or with a remote signing service: use the two-step signature';
    if (level === 'B-T' && !this.timeStamps.available)
      return 'no time-stamping authority is configured for a B-T signature';
    const chain = chainOf(certificate);
    const path = validateChain(chain[0], [...chain.slice(1), ...this.pki.intermediates], this.pki.trustAnchors, now);
    if (path.status !== 'valid') return `the certificate no longer chains to a trust anchor: ${path.problem}`;
    return null;
  }

  private async prepared(
    pdf: Buffer,
    context: SigningContext,
  ): Promise<{ prepared: PreparedSignature; signer: Certificate; at: Date }> {
    const [signer] = chainOf(context.certificate);
    const at = this.clock.now();
    const prepared = await prepareSignature(pdf, signer, {
      signerName: context.certificate.commonName,
      signingTime: at,
      reason: context.reason,
      location: context.location,
    });
    return { prepared, signer, at };
  }

  /** One step: the key is held here (encrypted at rest), so the service signs right away. */
  async signWithServerKey(tx: EntityManager, pdf: Buffer, context: SigningContext): Promise<SignatureResult> {
    const refusal = this.refusal(context.certificate, true, context.level);
    if (refusal) throw new SignatureRefused(refusal);
    const { prepared, at } = await this.prepared(pdf, context);
    const signatureValue = signWithKey(prepared.signedAttributes, this.registry.privateKey(context.certificate));
    return this.finish(tx, prepared, signatureValue, at, context);
  }

  /** Step one of two: the placeholder is kept here, the digest goes to the device or remote service. */
  async prepare(tx: EntityManager, pdf: Buffer, context: SigningContext) {
    const refusal = this.refusal(context.certificate, false, context.level);
    if (refusal) throw new SignatureRefused(refusal);
    const { prepared, signer, at } = await this.prepared(pdf, context);
    const id = randomUUID();
    const expiresAt = new Date(at.getTime() + PREPARATION_TTL_MS);
    // Abandoned preparations (a device never answered) hold a PDF each: dropped a day after expiry.
    await this.preparations.dropAbandoned(tx, new Date(at.getTime() - 86_400_000));
    await this.preparations.insert(tx, {
      id,
      certificateId: context.certificate.id,
      signerId: context.certificate.userId,
      level: context.level,
      requestId: context.requestId,
      sourceDocumentId: context.source?.id ?? null,
      placeholder: prepared.pdf,
      byteRange: prepared.byteRange,
      fieldName: prepared.fieldName,
      signedAttributes: prepared.signedAttributes,
      signingTime: at,
      expiresAt,
      completedAt: null,
    });
    // Named as in the Cloud Signature Consortium API's signatures/signHash.
    return {
      id,
      credentialID: context.certificate.id,
      hashes: [prepared.digestToSign.toString('base64')],
      hashAlgo: OID.sha256,
      signAlgo: algorithmsOf(signer.native.publicKey).cmsOid,
      expiresAt,
    };
  }

  /** Step two: the signature value over the digest completes the PDF, if it verifies. */
  async complete(
    tx: EntityManager,
    preparation: PreparationEntity,
    signatureValue: Buffer,
    context: SigningContext,
  ): Promise<SignatureResult> {
    const refusal = this.refusal(context.certificate, false, context.level);
    if (refusal) throw new SignatureRefused(refusal);
    const prepared = {
      pdf: preparation.placeholder,
      byteRange: preparation.byteRange as PreparedSignature['byteRange'],
      fieldName: preparation.fieldName,
      signedAttributes: preparation.signedAttributes,
    };
    await this.preparations.complete(tx, preparation.id, this.clock.now());
    return this.finish(tx, prepared, signatureValue, preparation.signingTime, context);
  }

  private async finish(
    tx: EntityManager,
    prepared: Omit<PreparedSignature, 'digestToSign'>,
    signatureValue: Buffer,
    claimedAt: Date,
    context: SigningContext,
  ): Promise<SignatureResult> {
    const chain = chainOf(context.certificate);
    const { pdf, timeStampToken } = await completeSignature(prepared, {
      signer: chain[0],
      chain: chain.slice(1),
      signatureAlgorithm: algorithmsOf(chain[0].native.publicKey).cmsOid,
      signatureValue,
      level: context.level,
      timeStamper: (digest) => this.timeStamps.stamp(digest),
    });
    const now = this.clock.now();
    const timeStampTime = timeStampToken ? timeStampTimeOf(timeStampToken) : null;
    // A signed revision is read by whoever reads what was signed; an uploaded document by the signer's unit.
    const readers = context.source
      ? readersOf(context.source)
      : {
          provinceCode: context.provinceCode,
          unitCode: context.certificate.unitCode,
          receivingUnitCode: null,
          applicantSubject: null,
        };
    const document = await this.documents.insert(tx, {
      dossierId: context.dossier?.id ?? null,
      dossierCode: context.dossier?.code ?? null,
      ...readers,
      kind: 'signed',
      content: pdf,
      createdAt: now,
    });
    const signatureId = randomUUID();
    await this.signatures.insert(tx, {
      id: signatureId,
      documentId: document.id,
      sourceDocumentId: context.source?.id ?? null,
      certificateId: context.certificate.id,
      signerId: context.certificate.userId,
      level: context.level,
      claimedAt,
      timeStampedAt: timeStampTime,
      createdAt: now,
    });
    const signedAt = (timeStampTime ?? claimedAt).toISOString();
    await this.outbox.append(tx, [
      createEvent(
        DocumentSigned,
        context.dossier?.id ?? document.id,
        {
          requestId: context.requestId,
          dossierId: context.dossier?.id ?? null,
          documentId: document.id,
          sha256: document.sha256,
          signerId: context.certificate.userId,
          certificateSerial: context.certificate.serialNumber,
          level: context.level,
          signedAt,
        },
        context.origin,
        now,
      ),
    ]);
    return {
      signatureId,
      documentId: document.id,
      sha256: document.sha256,
      level: context.level,
      signer: {
        userId: context.certificate.userId,
        commonName: context.certificate.commonName,
        serialNumber: context.certificate.serialNumber,
      },
      claimedSigningTime: claimedAt.toISOString(),
      timeStampTime: timeStampTime?.toISOString() ?? null,
    };
  }
}
