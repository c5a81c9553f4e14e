import { Body, Controller, Get, Header, Param, ParseUUIDPipe, Post, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, ProblemResponses } from '@onestop/platform';
import { DigitalSignatureProblems } from '../problems';
import { CompleteDto } from './dto/complete.dto';
import { PrepareDto } from './dto/prepare.dto';
import { PreparationDto } from './dto/preparation.dto';
import { SignDto } from './dto/sign.dto';
import { SignatureRequestListDto } from './dto/signature-request-list.dto';
import { SignatureResultDto } from './dto/signature-result.dto';
import { SignaturesService } from './signatures.service';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => DigitalSignatureProblems.noSuchResource() });

/** Signing over HTTP: one step with a key held here, or prepare/complete for a device or remote key. */
@ApiTags('signatures')
@Controller('api/v1')
export class SignaturesController {
  constructor(private readonly signatures: SignaturesService) {}

  @Post('signatures')
  @ApiOperation({ summary: 'Sign a PDF as PAdES B-B or B-T with the caller’s certificate and server-held key' })
  @ApiCreatedResponse({ type: SignatureResultDto })
  @ProblemResponses(404, 409, 422)
  async sign(@Body() body: SignDto, @CurrentPrincipal() principal: Principal) {
    return this.signatures.sign(body, principal);
  }

  @Post('signatures/preparations')
  @ApiOperation({ summary: 'Step one of a device or remote signature: the digest to sign (CSC signHash shape)' })
  @ApiCreatedResponse({ type: PreparationDto })
  @ProblemResponses(404, 409, 422)
  async prepare(@Body() body: PrepareDto, @CurrentPrincipal() principal: Principal) {
    return this.signatures.prepare(body, principal);
  }

  @Post('signatures/preparations/:id/completion')
  @ApiOperation({ summary: 'Step two: the signature value completes the PDF' })
  @ApiCreatedResponse({ type: SignatureResultDto })
  @ProblemResponses(404, 409, 422)
  async complete(@Param('id', uuid) id: string, @Body() body: CompleteDto, @CurrentPrincipal() principal: Principal) {
    return this.signatures.complete(id, body, principal);
  }

  @Get('signature-requests')
  @ApiOperation({ summary: "Results waiting for the caller's device signature" })
  @ApiOkResponse({ type: SignatureRequestListDto })
  async waiting(@CurrentPrincipal() principal: Principal) {
    return { items: await this.signatures.waitingFor(principal) };
  }

  @Get('documents/:id')
  @Header('content-type', 'application/pdf')
  @ApiOperation({
    summary:
      "A document kept here (a result or a signed revision), for its processing and receiving units' officers, its applicant and its province's roles",
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ProblemResponses(404)
  async document(@Param('id', uuid) id: string, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    return new StreamableFile((await this.signatures.readableDocument(id, principal)).content);
  }
}
