import { Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PdfFormatError } from '@onestop/pades';
import { invalidRequest, ProblemException, ProblemResponse, ProblemResponses, Public, unprocessableRequest, WrongTryLimit } from '@onestop/platform';
import { Request } from 'express';
import { DataSource } from 'typeorm';
import { SignedResultVerificationDto, VerificationReportDto } from './verification.response';
import { VerificationService } from './verification.service';

/** Anyone may check a signed result: citizens, banks, other agencies. */
@ApiTags('verification')
@Controller('api/v1')
export class VerificationsController {
  constructor(
    private readonly verification: VerificationService,
    private readonly dataSource: DataSource,
  ) {}

  @Public()
  @Post('verifications')
  @HttpCode(200)
  @ApiOperation({ summary: 'Verify the signatures of an uploaded PDF (application/pdf body)' })
  @ApiOkResponse({ type: VerificationReportDto })
  @ProblemResponses(413, 415, 422)
  async verifyUpload(@Req() request: Request) {
    if (!request.is('application/pdf')) throw new ProblemException(415, 'Unsupported media type', { detail: 'send the PDF itself as application/pdf' });
    if (!Buffer.isBuffer(request.body) || request.body.length === 0) throw invalidRequest([{ field: 'body', code: 'isNotEmpty', message: 'is empty: send the PDF' }]);
    try {
      return await this.verification.verify(request.body);
    } catch (error) {
      if (error instanceof PdfFormatError) throw unprocessableRequest([{ field: 'body', code: 'invalidFormat', message: error.message }]);
      throw error;
    }
  }

  /**
   * The code is the only thing asked and codes are sequential: a miss is a wrong guess, counted
   * per address, and too many lock that address out of this look-up until the lock expires.
   */
  @Public()
  @Get('public/results/:code')
  @WrongTryLimit({ lookup: 'signed-result' })
  @ApiOperation({ summary: "The verification of a dossier's signed result, by the code on it (the result's QR code)" })
  @ApiOkResponse({ type: SignedResultVerificationDto })
  @ProblemResponse(404, 'No signed result under this code (a wrong try)')
  @ProblemResponse(429, 'Too many wrong tries from this address: locked until Retry-After')
  async verifyResult(@Param('code') code: string) {
    // The result the decision's own signature produced, not any later signed copy of it.
    const rows: { content: Buffer; sha256: string; createdAt: Date }[] = await this.dataSource.query(
      `SELECT d.content, d.sha256, d.created_at AS "createdAt" FROM signature_requests r JOIN documents d ON d.id = r.signed_document_id
       WHERE r.dossier_code = $1 AND r.state = 'signed' ORDER BY r.updated_at DESC LIMIT 1`,
      [code],
    );
    if (!rows.length) throw new ProblemException(404, 'Not found', { detail: `no signed result for ${code}` });
    const report = await this.verification.verify(rows[0].content);
    // Who signed, when, and the fingerprint of the signed file: nothing of the applicant.
    return { dossierCode: code, signedAt: rows[0].createdAt, ...report };
  }
}
