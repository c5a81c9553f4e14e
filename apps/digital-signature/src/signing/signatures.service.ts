import { Injectable } from '@nestjs/common';
import { requestOrigin } from '@onestop/messaging';
import { PadesError, PdfFormatError, SignatureValueError, TimeStampError } from '@onestop/pades';
import { Clock, Principal } from '@onestop/platform';
import { DataSource, EntityManager } from 'typeorm';
import { isOwnCertificate } from '../certificates/certificate-registry.service';
import { CertificateEntity } from '../certificates/certificate.entity';
import { CertificateStore } from '../certificates/certificate.store';
import { DigitalSignatureProblems } from '../problems';
import { mayRead } from './document-readers';
import { DocumentEntity } from './document.entity';
import { DocumentStore } from './document.store';
import { CompleteDto } from './dto/complete.dto';
import { PrepareDto } from './dto/prepare.dto';
import { SignDto } from './dto/sign.dto';
import { PreparationStore } from './preparation.store';
import { SignatureRequestEntity } from './signature-request.entity';
import { SignatureRequestStore, WaitingSignatureRequest } from './signature-request.store';
import { SignatureResult, SigningContext, SigningService } from './signing.service';

/** Officials act for a province; a token without one (a citizen's) signs nothing here. */
function provinceOf(principal: Principal): string {
  if (!principal.provinceCode) throw DigitalSignatureProblems.noProvince();
  return principal.provinceCode;
}

/**
 * Translates the signing domain's refusals into problems (the same ones a requested signature
 * reports as SignatureFailed); anything else stays a server error.
 */
function asProblem(error: unknown): never {
  if (error instanceof PdfFormatError) throw DigitalSignatureProblems.documentUnreadable(error.message);
  if (error instanceof SignatureValueError) throw DigitalSignatureProblems.signatureValueUnreadable(error.message);
  if (error instanceof TimeStampError) throw DigitalSignatureProblems.timeStampingUnavailable(error.message);
  if (error instanceof PadesError) throw DigitalSignatureProblems.signatureRefused(error.message);
  throw error;
}

/** Who signs what for whom, as the HTTP requests state it. */
function signingContext(
  principal: Principal,
  certificate: CertificateEntity,
  source: DocumentEntity | null,
  requestId: string | null,
  options: Pick<SigningContext, 'level' | 'reason' | 'location'>,
): SigningContext {
  return {
    ...options,
    certificate,
    source,
    provinceCode: source?.provinceCode ?? provinceOf(principal),
    dossier: source?.dossierId ? { id: source.dossierId, code: source.dossierCode! } : null,
    requestId,
    origin: requestOrigin('digital-signature', principal),
  };
}

/** Signing as officials ask for it over HTTP: what to sign with which certificate, each in one transaction. */
@Injectable()
export class SignaturesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly certificates: CertificateStore,
    private readonly signing: SigningService,
    private readonly documents: DocumentStore,
    private readonly preparations: PreparationStore,
    private readonly requests: SignatureRequestStore,
    private readonly clock: Clock,
  ) {}

  sign(body: SignDto, principal: Principal): Promise<SignatureResult> {
    return this.signingTransaction(async (tx) => {
      const { pdf, context } = await this.resolve(tx, body, principal);
      return this.signing.signWithServerKey(tx, pdf, context);
    });
  }

  prepare(body: PrepareDto, principal: Principal) {
    return this.signingTransaction(async (tx) => {
      const { pdf, context } = await this.resolve(tx, body, principal);
      return this.signing.prepare(tx, pdf, context);
    });
  }

  complete(id: string, body: CompleteDto, principal: Principal): Promise<SignatureResult> {
    return this.signingTransaction(async (tx) => {
      const preparation = await this.preparations.findForUpdate(tx, id);
      if (!preparation || preparation.signerId !== principal.subject)
        throw DigitalSignatureProblems.preparationNotFound(id);
      if (preparation.completedAt) throw DigitalSignatureProblems.preparationCompleted();
      if (preparation.expiresAt < this.clock.now()) throw DigitalSignatureProblems.preparationExpired();
      const certificate = (await this.certificates.find(preparation.certificateId, tx))!;
      const source = preparation.sourceDocumentId ? await this.documents.find(preparation.sourceDocumentId, tx) : null;
      const request = preparation.requestId ? await this.waitingRequest(tx, preparation.requestId, principal) : null;
      const context = signingContext(principal, certificate, source, request?.id ?? null, { level: preparation.level });
      const result = await this.signing.complete(tx, preparation, Buffer.from(body.signatures[0], 'base64'), context);
      if (request) await this.requests.markSigned(tx, request.id, result.documentId, this.clock.now());
      return result;
    });
  }

  /** Results waiting for the caller's device signature. */
  waitingFor(principal: Principal): Promise<WaitingSignatureRequest[]> {
    return this.requests.waitingFor(principal.subject);
  }

  /** A document the caller may read; 404, not 403, for one they may not: whether it exists is not theirs to know. */
  async readableDocument(id: string, principal: Principal): Promise<DocumentEntity> {
    const document = await this.documents.find(id);
    if (!document || !mayRead(principal, document)) throw DigitalSignatureProblems.documentNotFound(id);
    return document;
  }

  /** Signing work in one transaction; the signing domain's refusals answered as problems. */
  private signingTransaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work).catch(asProblem);
  }

  private async waitingRequest(tx: EntityManager, id: string, principal: Principal): Promise<SignatureRequestEntity> {
    const request = await this.requests.findWaitingForUpdate(tx, id, principal.subject);
    if (!request) throw DigitalSignatureProblems.waitingRequestNotFound(id);
    return request;
  }

  /** The document to sign and the context, from exactly one of document, documentId or requestId. */
  private async resolve(
    tx: EntityManager,
    body: PrepareDto,
    principal: Principal,
  ): Promise<{ pdf: Buffer; context: SigningContext }> {
    const given = (['document', 'documentId', 'requestId'] as const).filter((field) => body[field] !== undefined);
    if (given.length !== 1) throw DigitalSignatureProblems.notExactlyOneSource();
    const certificate = await this.certificates.find(body.certificateId, tx);
    if (!certificate || !isOwnCertificate(certificate, principal)) throw DigitalSignatureProblems.certificateNotYours();
    let source: DocumentEntity | null = null;
    let requestId: string | null = null;
    if (body.requestId) {
      const request = await this.waitingRequest(tx, body.requestId, principal);
      source = await this.documents.find(request.resultDocumentId!, tx);
      requestId = request.id;
    } else if (body.documentId) {
      source = await this.documents.find(body.documentId, tx);
      if (!source || !mayRead(principal, source)) throw DigitalSignatureProblems.documentNotYours();
    }
    // The PDF itself is checked where the signature is made (PdfFormatError, 422 on `document`).
    const pdf = source?.content ?? Buffer.from(body.document!, 'base64');
    return {
      pdf,
      context: signingContext(principal, certificate, source, requestId, {
        level: body.level ?? 'B-T',
        reason: body.reason,
        location: body.location,
      }),
    };
  }
}
