import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, ProblemResponse, Roles } from '@onestop/platform';
import { AppointmentQuoteDto, AppointmentQuoteQueryDto } from './dto/appointment-quote.dto';
import { quoteView } from './dossier-views';
import { FileDossierService } from './file-dossier.service';

/** The desk tells the applicant the fee and the appointment before filing, as the filing would compute them. */
@ApiTags('procedures')
@Controller('api/v1/procedures')
export class AppointmentQuoteController {
  constructor(private readonly filing: FileDossierService) {}

  @Get(':code/appointment')
  @Roles('desk-officer')
  @ApiOperation({
    summary:
      "What a counter filing of the procedure received at the caller's desk now would get: fee, processing time, appointment date and due time",
  })
  @ApiParam({ name: 'code', example: 'HKD-DANGKY', description: 'the procedure' })
  @ApiOkResponse({ type: AppointmentQuoteDto })
  @ProblemResponse(400, '`receivingUnitCode` is malformed, or not a receiving unit open today')
  @ProblemResponse(403, "`receivingUnitCode` is not the caller's own desk")
  @ProblemResponse(404, 'No procedure with this `code` is in force')
  async quote(
    @Param('code') code: string,
    @Query() query: AppointmentQuoteQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AppointmentQuoteDto> {
    return quoteView(await this.filing.quote(code, query.receivingUnitCode, principal));
  }
}
