import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, ProblemResponses, Roles } from '@onestop/platform';
import { WebhookSubscriptionDto } from './dto/webhook-subscription.dto';
import { NewWebhookSubscriptionDto, WebhookSubscriptionListDto } from './dto/webhook-subscription-view.dto';
import { WebhooksService } from './webhooks.service';

/** The province's and communes' systems subscribe to notices; each gets its own signing secret. */
@ApiTags('webhooks')
@Controller('api/v1/webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @Roles('province-admin')
  @ApiOperation({
    summary:
      'Subscribe a system of your province or one of its units; the answer holds the HMAC secret, shown this once',
  })
  @ApiCreatedResponse({ type: NewWebhookSubscriptionDto })
  @ProblemResponses(422)
  subscribe(@Body() body: WebhookSubscriptionDto, @CurrentPrincipal() principal: Principal) {
    return this.webhooks.subscribe(principal, body);
  }

  @Get()
  @Roles('province-admin')
  @ApiOperation({ summary: "The province's subscriptions (secrets are never shown again)" })
  @ApiOkResponse({ type: WebhookSubscriptionListDto })
  list(@CurrentPrincipal() principal: Principal) {
    return this.webhooks.list(principal);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('province-admin')
  @ApiOperation({ summary: "Stop one of the province's subscriptions; deliveries still waiting for it fail" })
  @ApiNoContentResponse({ description: 'The subscription is stopped' })
  @ProblemResponses(404)
  unsubscribe(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    return this.webhooks.unsubscribe(principal, id);
  }
}
