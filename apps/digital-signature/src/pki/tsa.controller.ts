import { Controller, Header, HttpCode, Post, Req, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ProblemResponses, Public } from '@onestop/platform';
import { Request } from 'express';
import { DigitalSignatureProblems } from '../problems';
import { TimeStampService } from './time-stamp.service';

/** RFC 3161 over HTTP: the development TSA (production configures an accredited one). */
@ApiTags('time-stamping')
@Controller('api/v1/tsa')
export class TsaController {
  constructor(private readonly timeStamps: TimeStampService) {}

  @Public()
  @Post()
  @HttpCode(200)
  @Header('content-type', 'application/timestamp-reply')
  @ApiOperation({ summary: 'Time-stamp a digest (application/timestamp-query in, application/timestamp-reply out)' })
  @ApiProduces('application/timestamp-reply')
  @ApiOkResponse({
    schema: { type: 'string', format: 'binary' },
    description: 'an RFC 3161 response: a time-stamp token, or the rejection of a malformed request',
  })
  @ProblemResponses(404, 415)
  async stamp(@Req() request: Request): Promise<StreamableFile> {
    if (!this.timeStamps.runsOwnTsa) throw DigitalSignatureProblems.externalTsa();
    if (!request.is('application/timestamp-query') || !Buffer.isBuffer(request.body))
      throw DigitalSignatureProblems.timeStampQueryExpected();
    // A malformed request gets an RFC 3161 rejection, which is what TSA clients understand.
    return new StreamableFile(await this.timeStamps.respond(request.body));
  }
}
