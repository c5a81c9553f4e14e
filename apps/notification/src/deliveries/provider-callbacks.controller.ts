import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProblemResponse, ProblemResponses, Public } from '@onestop/platform';
import { DeliveryReportDto } from './dto/delivery-report.dto';
import { ProviderReportsService } from './provider-reports.service';

/** Gateways report handset delivery here. */
@ApiTags('provider callbacks')
@Controller('api/v1/provider-callbacks')
export class ProviderCallbacksController {
  constructor(private readonly reports: ProviderReportsService) {}

  @Post(':provider')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: "A gateway's delivery report, signed in X-OneStop-Signature" })
  @ApiNoContentResponse({ description: 'The report is recorded' })
  @ProblemResponse(401, 'X-OneStop-Signature does not match the report')
  @ProblemResponses(404)
  report(
    @Param('provider') provider: string,
    @Body() report: DeliveryReportDto,
    @Headers('x-onestop-signature') signature: string | undefined,
  ): Promise<void> {
    return this.reports.record(provider, report, signature);
  }
}
