import { Body, Controller, Get, Header, Param, ParseUUIDPipe, Post, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { requestOrigin } from '@onestop/messaging';
import { PadesError, PdfFormatError, SignatureValueError, TimeStampError } from '@onestop/pades';
import { Clock, CurrentPrincipal, invalidRequest, Principal, ProblemException, ProblemResponses, unprocessableRequest } from '@onestop/platform';
import { DataSource, EntityManager } from 'typeorm';
import { CertificateRegistry, isOwnCertificate } from '../certificates/certificate-registry';
import { CertificateRecord } from '../certificates/certificate.record';
import { findDocument, mayRead, StoredDocument } from './documents';
import { CompleteDto, PrepareDto, SignDto } from './signatures.dto';
import { PreparationDto, SignatureRequestListDto, SignatureResultDto } from './signatures.response';
import { PREPARATION_COLUMNS, PreparationRow, SigningContext, SigningService } from './signing.service';

/** Officials act for a province; a token without one (a citizen's) signs nothing here. */
export function provinceOf(principal: Principal): string {
  if (!principal.provinceCode) throw new ProblemException(403, 'Not allowed', { detail: 'signing needs an official of a province' });
  return principal.provinceCode;
}

const notFound = (what: string) => new ProblemException(404, 'Not found', { detail: `no ${what}` });
const uuid = new ParseUUIDPipe({ exceptionFactory: () => notFound('such resource') });

/**
 * Translates the signing domain's refusals into problems (the same ones a requested signature
 * reports as SignatureFailed); anything else stays a server error.
 */
function asProblem(error: unknown): never {
  if (error instanceof PdfFormatError) throw unprocessableRequest([{ field: 'document', code: 'invalidFormat', message: error.message }]);
  if (error instanceof SignatureValueError) throw unprocessableRequest([{ field: 'signatures.0', code: 'invalidFormat', message: error.message }]);
  if (error instanceof TimeStampError) throw new ProblemException(503, 'Time-stamping unavailable', { detail: error.message });
  if (error instanceof PadesError) throw new ProblemException(409, 'Signature refused', { detail: error.message });
  throw error;
}

/** Who signs what for whom, as the HTTP requests state it. */
function signingContext(
  principal: Principal,
  certificate: CertificateRecord,
  source: StoredDocument | null,
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

/** Signing over HTTP: one step with a key held here, or prepare/complete for a device or remote key. */
@ApiTags('signatures')
@Controller('api/v1')
export class SignaturesController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registry: CertificateRegistry,
    private readonly signing: SigningService,
    private readonly clock: Clock,
  ) {}

  @Post('signatures')
  @ApiOperation({ summary: 'Sign a PDF as PAdES B-B or B-T with the caller’s certificate and server-held key' })
  @ApiCreatedResponse({ type: SignatureResultDto })
  @ProblemResponses(404, 409, 422)
  async sign(@Body() body: SignDto, @CurrentPrincipal() principal: Principal) {
    return this.signingTransaction(async (tx) => {
      const { pdf, context } = await this.resolve(tx, body, principal);
      return this.signing.signWithServerKey(tx, pdf, context);
    });
  }

  @Post('signatures/preparations')
  @ApiOperation({ summary: 'Step one of a device or remote signature: the digest to sign (CSC signHash shape)' })
  @ApiCreatedResponse({ type: PreparationDto })
  @ProblemResponses(404, 409, 422)
  async prepare(@Body() body: PrepareDto, @CurrentPrincipal() principal: Principal) {
    return this.signingTransaction(async (tx) => {
      const { pdf, context } = await this.resolve(tx, body, principal);
      return this.signing.prepare(tx, pdf, context);
    });
  }

  @Post('signatures/preparations/:id/completion')
  @ApiOperation({ summary: 'Step two: the signature value completes the PDF' })
  @ApiCreatedResponse({ type: SignatureResultDto })
  @ProblemResponses(404, 409, 422)
  async complete(@Param('id', uuid) id: string, @Body() body: CompleteDto, @CurrentPrincipal() principal: Principal) {
    return this.signingTransaction(async (tx) => {
      const rows: PreparationRow[] = await tx.query(`SELECT ${PREPARATION_COLUMNS} FROM preparations WHERE id = $1 FOR UPDATE`, [id]);
      const preparation = rows[0];
      if (!preparation || preparation.signerId !== principal.subject) throw notFound(`preparation ${id}`);
      if (preparation.completedAt) throw new ProblemException(409, 'Already completed', { detail: 'this preparation has been completed' });
      if (preparation.expiresAt < this.clock.now()) throw new ProblemException(409, 'Expired', { detail: 'the preparation expired; prepare again' });
      const certificate = (await this.registry.find(preparation.certificateId, tx))!;
      const source = preparation.sourceDocumentId ? await findDocument(tx, preparation.sourceDocumentId) : null;
      const request = preparation.requestId ? await this.waitingRequest(tx, preparation.requestId, principal) : null;
      const context = signingContext(principal, certificate, source, request?.id ?? null, { level: preparation.level });
      const result = await this.signing.complete(tx, preparation, Buffer.from(body.signatures[0], 'base64'), context);
      if (request) await tx.query(`UPDATE signature_requests SET state = 'signed', signed_document_id = $2, updated_at = $3 WHERE id = $1`, [request.id, result.documentId, this.clock.now()]);
      return result;
    });
  }

  @Get('signature-requests')
  @ApiOperation({ summary: "Results waiting for the caller's device signature" })
  @ApiOkResponse({ type: SignatureRequestListDto })
  async waiting(@CurrentPrincipal() principal: Principal) {
    const items = await this.dataSource.query(
      `SELECT id, dossier_id AS "dossierId", dossier_code AS "dossierCode", result_document_id AS "resultDocumentId", created_at AS "createdAt"
       FROM signature_requests WHERE signer_id = $1 AND state = 'awaiting-signer' ORDER BY created_at`,
      [principal.subject],
    );
    return { items };
  }

  @Get('documents/:id')
  @Header('content-type', 'application/pdf')
  @ApiOperation({ summary: "A document kept here (a result or a signed revision), for its processing and receiving units' officers, its applicant and its province's roles" })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ProblemResponses(404)
  async document(@Param('id', uuid) id: string, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    const document = await findDocument(this.dataSource.manager, id);
    // 404, not 403, for a document the caller may not read: whether it exists is not theirs to know.
    if (!document || !mayRead(principal, document)) throw notFound(`document ${id}`);
    return new StreamableFile(document.content);
  }

  /** Signing work in one transaction; the signing domain's refusals answered as problems. */
  private signingTransaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work).catch(asProblem);
  }

  private async waitingRequest(tx: EntityManager, id: string, principal: Principal): Promise<{ id: string; resultDocumentId: string }> {
    const rows = await tx.query(
      `SELECT id, result_document_id AS "resultDocumentId" FROM signature_requests WHERE id = $1 AND signer_id = $2 AND state = 'awaiting-signer' FOR UPDATE`,
      [id, principal.subject],
    );
    if (!rows.length) throw notFound(`signature request ${id} waiting for you`);
    return rows[0];
  }

  /** The document to sign and the context, from exactly one of document, documentId or requestId. */
  private async resolve(tx: EntityManager, body: PrepareDto, principal: Principal): Promise<{ pdf: Buffer; context: SigningContext }> {
    const given = (['document', 'documentId', 'requestId'] as const).filter((field) => body[field] !== undefined);
    if (given.length !== 1) throw invalidRequest([{ field: 'document', code: 'exactlyOne', message: 'give exactly one of document, documentId and requestId', params: { of: ['document', 'documentId', 'requestId'] } }]);
    const certificate = await this.registry.find(body.certificateId, tx);
    if (!certificate || !isOwnCertificate(certificate, principal)) throw unprocessableRequest([{ field: 'certificateId', code: 'notYours', message: 'is not a certificate registered to you' }]);
    let source: StoredDocument | null = null;
    let requestId: string | null = null;
    if (body.requestId) {
      const request = await this.waitingRequest(tx, body.requestId, principal);
      source = await findDocument(tx, request.resultDocumentId);
      requestId = request.id;
    } else if (body.documentId) {
      source = await findDocument(tx, body.documentId);
      if (!source || !mayRead(principal, source)) throw unprocessableRequest([{ field: 'documentId', code: 'notYours', message: 'is not a document you may read' }]);
    }
    // The PDF itself is checked where the signature is made (PdfFormatError, 422 on `document`).
    const pdf = source?.content ?? Buffer.from(body.document!, 'base64');
    return { pdf, context: signingContext(principal, certificate, source, requestId, { level: body.level ?? 'B-T', reason: body.reason, location: body.location }) };
  }
}
