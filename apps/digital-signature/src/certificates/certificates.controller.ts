import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, ProblemResponses, Public, Roles } from '@onestop/platform';
import { DigitalSignatureProblems } from '../problems';
import { CertificateRegistry } from './certificate-registry.service';
import { CrlPublisher } from './crl-publisher';
import { CertificateDto, CertificateListDto, certificateView } from './dto/certificate.dto';
import { ImportCertificateDto } from './dto/import-certificate.dto';
import { LockKeyDto } from './dto/lock-key.dto';
import { RevokeCertificateDto } from './dto/revoke-certificate.dto';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => DigitalSignatureProblems.certificateNotFound() });

/** The registry of officials' signing certificates. */
@ApiTags('certificates')
@Controller('api/v1')
export class CertificatesController {
  constructor(
    private readonly registry: CertificateRegistry,
    private readonly crl: CrlPublisher,
  ) {}

  @Post('certificates')
  @Roles('province-admin')
  @ApiOperation({
    summary: "Register an official's certificate (PEM chain, validated) and, for server-side signing, its key",
  })
  @ApiCreatedResponse({ type: CertificateDto })
  @ProblemResponses(409, 422)
  async import(@Body() body: ImportCertificateDto, @CurrentPrincipal() principal: Principal) {
    return certificateView(await this.registry.import(body, principal));
  }

  @Get('certificates')
  @ApiOperation({ summary: "Certificates of the caller's province (administrators) or the caller's own" })
  @ApiOkResponse({ type: CertificateListDto })
  // Both filters may be left out: the document says so, as the handler reads them.
  @ApiQuery({
    name: 'userId',
    required: false,
    description: "only this official's certificates (an administrator's filter)",
  })
  @ApiQuery({
    name: 'unitCode',
    required: false,
    description: "only this unit's certificates (an administrator's filter)",
  })
  async list(
    @CurrentPrincipal() principal: Principal,
    @Query('userId') userId?: string,
    @Query('unitCode') unitCode?: string,
  ) {
    return { items: (await this.registry.list(principal, { userId, unitCode })).map(certificateView) };
  }

  @Get('certificates/:id')
  @ApiOperation({ summary: 'One certificate, for its owner or an administrator of its province' })
  @ApiOkResponse({ type: CertificateDto })
  @ProblemResponses(404)
  async get(@Param('id', uuid) id: string, @CurrentPrincipal() principal: Principal) {
    return certificateView(await this.registry.visible(id, principal));
  }

  @Post('certificates/:id/revocation')
  @HttpCode(200)
  @Roles('province-admin')
  @ApiOperation({ summary: 'Revoke a certificate; it appears on the CRL from now on' })
  @ApiOkResponse({ type: CertificateDto })
  @ProblemResponses(404, 409)
  async revoke(
    @Param('id', uuid) id: string,
    @Body() body: RevokeCertificateDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    const revoked = await this.registry.revoke(id, body.reason, principal);
    this.crl.revoked();
    return certificateView(revoked);
  }

  @Post('certificates/:id/lock')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Lock the signing key (its owner or an administrator): nothing is signed with it until unlocked',
  })
  @ApiOkResponse({ type: CertificateDto })
  @ProblemResponses(404, 409)
  async lock(@Param('id', uuid) id: string, @Body() body: LockKeyDto, @CurrentPrincipal() principal: Principal) {
    return certificateView(await this.registry.setLock(id, true, body.reason, principal));
  }

  @Post('certificates/:id/unlock')
  @HttpCode(200)
  @Roles('province-admin')
  @ApiOperation({ summary: 'Unlock the signing key (an administrator)' })
  @ApiOkResponse({ type: CertificateDto })
  @ProblemResponses(404, 409)
  async unlock(@Param('id', uuid) id: string, @CurrentPrincipal() principal: Principal) {
    return certificateView(await this.registry.setLock(id, false, null, principal));
  }

  @Public()
  @Get('crl')
  @Header('content-type', 'application/pkix-crl')
  @ApiOperation({ summary: 'The CRL of the configured issuing CA (DER), listing the certificates revoked here' })
  @ApiProduces('application/pkix-crl')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ProblemResponses(404)
  async crlDer(): Promise<StreamableFile> {
    return new StreamableFile(await this.crl.current());
  }
}
