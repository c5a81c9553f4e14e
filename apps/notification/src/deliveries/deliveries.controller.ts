import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, ProblemResponses, Roles } from '@onestop/platform';
import { DeliveriesService } from './deliveries.service';
import { DeliveriesQueryDto } from './dto/deliveries-query.dto';
import { DeliveryDto, DeliveryPageDto } from './dto/delivery.dto';

/** Delivery status for the province's operators: one by id, pages by cursor, a retry by hand. */
@ApiTags('deliveries')
@Controller('api/v1/deliveries')
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @Get()
  @Roles('province-admin', 'province-leader')
  @ApiOperation({ summary: 'Deliveries, newest first, filtered by dossier, state or channel; cursor-paged' })
  @ApiOkResponse({ type: DeliveryPageDto })
  list(@Query() query: DeliveriesQueryDto, @CurrentPrincipal() principal: Principal) {
    return this.deliveries.page(principal, query);
  }

  @Get(':id')
  @Roles('province-admin', 'province-leader')
  @ApiOperation({ summary: 'One delivery: state, attempts, provider and its reference, timestamps, template used' })
  @ApiOkResponse({ type: DeliveryDto })
  @ProblemResponses(404)
  one(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal) {
    return this.deliveries.one(principal, id);
  }

  @Post(':id/retry')
  @HttpCode(202)
  @Roles('province-admin')
  @ApiOperation({
    summary: 'Send a failed delivery again (after fixing an address or a provider); the retry horizon starts anew',
  })
  @ApiAcceptedResponse({ type: DeliveryDto })
  @ProblemResponses(404, 409)
  retry(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal) {
    return this.deliveries.retry(principal, id);
  }
}
