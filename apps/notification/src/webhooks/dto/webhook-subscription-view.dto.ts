import { ApiProperty } from '@nestjs/swagger';

export class WebhookSubscriptionViewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '46' })
  tenantCode!: string;

  @ApiProperty({ example: 'https://hethong.example.gov.vn/onestop-events' })
  url!: string;

  @ApiProperty({ type: [String] })
  kinds!: string[];

  @ApiProperty()
  active!: boolean;

  @ApiProperty()
  createdBy!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class NewWebhookSubscriptionDto extends WebhookSubscriptionViewDto {
  @ApiProperty({ description: 'the HMAC secret of the signatures, shown this once' })
  secret!: string;
}

export class WebhookSubscriptionListDto {
  @ApiProperty({ type: [WebhookSubscriptionViewDto] })
  items!: WebhookSubscriptionViewDto[];
}
