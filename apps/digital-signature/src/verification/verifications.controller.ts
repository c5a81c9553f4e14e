import { Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProblemResponse, ProblemResponses, Public, WrongTryLimit } from '@onestop/platform';
import { Request } from 'express';
import { DigitalSignatureProblems } from '../problems';
import { SignedResultVerificationDto } from './dto/signed-result-verification.dto';
import { VerificationReportDto } from './dto/verification-report.dto';
import { VerificationService } from './verification.service';

/** Anyone may check a signed result: citizens, banks, other agencies. */
@ApiTags('verification')
@Controller('api/v1')
export class VerificationsController {
  constructor(private readonly verification: VerificationService) {}

  @Public()
  @Post('verifications')
  @HttpCode(200)
  @ApiOperation({ summary: 'Verify the signatures of an uploaded PDF (application/pdf body)' })
  @ApiOkResponse({ type: VerificationReportDto })
  @ProblemResponses(413, 415, 422)
  async verifyUpload(@Req() request: Request) {
    if (!request.is('application/pdf')) throw DigitalSignatureProblems.pdfExpected();
    if (!Buffer.isBuffer(request.body) || request.body.length === 0) throw DigitalSignatureProblems.emptyPdf();
    return this.verification.verifyUpload(request.body);
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
    return this.verification.verifyResult(code);
  }
}
