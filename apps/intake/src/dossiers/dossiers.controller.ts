import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CurrentPrincipal,
  invalidRequest,
  Principal,
  ProblemResponse,
  ProblemResponses,
  Public,
  Roles,
  WrongTryLimit,
} from '@onestop/platform';
import type { Response } from 'express';
import { dossierCodeOf } from './dossier-code';
import { receiptView } from './dossier-views';
import { DossierListService } from './dossier-list.service';
import { DossiersService } from './dossiers.service';
import { DossierDto, DossierListDto, DossierReceiptDto, PublicStatusDto } from './dto/dossier.dto';
import { DossiersQueryDto } from './dto/dossiers-query.dto';
import { FileDossierDto } from './dto/file-dossier.dto';
import { IntakeDecisionDto, StatusLookupQueryDto, WithdrawalDto } from './dto/intake-decision.dto';
import { FileDossierService } from './file-dossier.service';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;

@ApiTags('dossiers')
@Controller('api/v1/dossiers')
export class DossiersController {
  constructor(
    private readonly filing: FileDossierService,
    private readonly dossiers: DossiersService,
    private readonly lists: DossierListService,
  ) {}

  @Post()
  @Roles('citizen', 'desk-officer')
  @ApiOperation({ summary: 'File a dossier at any receiving unit of the province' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'a retry with the same key returns the same dossier',
  })
  @ApiCreatedResponse({ type: DossierReceiptDto })
  @ProblemResponses(422)
  async file(
    @Body() command: FileDossierDto,
    @CurrentPrincipal() principal: Principal,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
      throw invalidRequest([
        {
          field: 'Idempotency-Key',
          code: 'matches',
          message: 'must be 8 to 100 letters, digits, _ or -',
          params: { pattern: IDEMPOTENCY_KEY.source },
        },
      ]);
    }
    const { dossier, replayed } = await this.filing.file(command, principal, idempotencyKey ?? null);
    if (replayed) response.setHeader('Idempotent-Replayed', 'true');
    return receiptView(dossier);
  }

  @Get()
  @Roles('citizen', 'desk-officer', 'specialist', 'unit-leader', 'province-leader', 'province-admin')
  @ApiOperation({
    summary: "The caller's dossiers, or a citizen's found by ID number, a page at a time",
    description:
      "A citizen's, the dossiers they filed online under their account, newest filing first. " +
      "Without citizenId, an officer's own list, oldest filing first: a desk officer's, the dossiers filed at the desk (status=1: the online filings waiting to be received); " +
      "a specialist's or unit leader's, those the unit processes; a province role's, the province's. With citizenId, that citizen's dossiers (blind index) that the caller may read, newest first. " +
      'Filters combine; keep them the same when passing nextCursor.',
  })
  @ApiOkResponse({ type: DossierListDto })
  @ProblemResponse(400, 'A filter, the limit or the cursor is malformed; `errors` names the parameter')
  @ProblemResponse(
    403,
    'The caller is neither a citizen nor an officer of a unit, nor a province role with its province',
  )
  async find(@Query() query: DossiersQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.lists.list(principal, query);
  }

  @Get(':code')
  @ApiOperation({
    summary: 'One dossier, for the desk that received it, the unit processing it or the citizen who filed it',
  })
  @ApiOkResponse({ type: DossierDto })
  @ProblemResponses(404)
  async get(@Param('code') code: string, @CurrentPrincipal() principal: Principal) {
    return this.dossiers.forOfficer(code, principal);
  }

  /**
   * Codes are sequential and the phone's last four digits are 10,000 guesses, so wrong tries are
   * counted per code (from anywhere) and per address, and too many lock the look-up (429 for
   * everyone, right digits included, until the lock expires). A code that cannot exist counts
   * against the address only.
   */
  @Public()
  @Get(':code/status')
  @WrongTryLimit({ lookup: 'dossier-status', code: dossierCodeOf })
  @ApiOperation({
    summary:
      'Public look-up without login: status, appointment date, public steps and whether the service can be rated',
  })
  @ApiOkResponse({ type: PublicStatusDto })
  @ProblemResponse(404, 'No such dossier, or the digits are not those of its phone (a wrong try)')
  @ProblemResponse(429, 'Too many wrong tries at this code or from this address: locked for everyone until Retry-After')
  async status(@Param('code') code: string, @Query() query: StatusLookupQueryDto) {
    return this.dossiers.publicStatus(code, query.phone);
  }

  @Post(':code/intake-decision')
  @HttpCode(200)
  @Roles('desk-officer')
  @ApiOperation({ summary: 'Receive (2) or refuse (3) an online filing after checking it' })
  @ApiOkResponse({ type: DossierDto })
  @ProblemResponses(404, 409)
  async decide(
    @Param('code') code: string,
    @Body() decision: IntakeDecisionDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.dossiers.decide(code, decision, principal);
  }

  @Post(':code/withdrawal')
  @HttpCode(200)
  @Roles('citizen')
  @ApiOperation({
    summary: 'The applicant withdraws an online filing not yet received (1 → 7); later, through the processing action',
  })
  @ApiOkResponse({ type: DossierReceiptDto })
  @ProblemResponses(404, 409)
  async withdraw(
    @Param('code') code: string,
    @Body() withdrawal: WithdrawalDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.dossiers.withdrawOnline(code, withdrawal, principal);
  }
}
