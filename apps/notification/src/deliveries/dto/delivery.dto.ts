import { ApiProperty } from '@nestjs/swagger';

class TemplateUsedDto {
  @ApiProperty({ example: 'dossier-received/sms/vi' })
  id!: string;

  @ApiProperty()
  version!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the province whose version was used; null for the national default',
  })
  provinceCode!: string | null;
}

/** Where a notice went and how: the address masked (a webhook's URL shown), the text left out. */
export class DeliveryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ example: 'dossier-received' })
  kind!: string;

  @ApiProperty({ example: 'sms' })
  channel!: string;

  @ApiProperty({ example: 'vi' })
  locale!: string;

  @ApiProperty({ type: TemplateUsedDto, nullable: true })
  template!: TemplateUsedDto | null;

  @ApiProperty()
  recipient!: string;

  @ApiProperty({ description: 'masked, except a webhook URL' })
  address!: string;

  @ApiProperty()
  critical!: boolean;

  @ApiProperty({ type: String, nullable: true })
  dossierCode!: string | null;

  @ApiProperty({ example: 'delivered' })
  state!: string;

  @ApiProperty()
  attempts!: number;

  @ApiProperty({ format: 'date-time' })
  nextAttemptAt!: string;

  @ApiProperty({ type: String, nullable: true })
  provider!: string | null;

  @ApiProperty({ type: String, nullable: true })
  providerReference!: string | null;

  @ApiProperty({ type: String, nullable: true })
  lastError!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sendingAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  deliveredAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  failedAt!: string | null;

  @ApiProperty({ format: 'date-time' })
  giveUpAt!: string;
}

export class DeliveryPageDto {
  @ApiProperty({ type: [DeliveryDto] })
  items!: DeliveryDto[];

  @ApiProperty({ type: String, nullable: true, description: 'the cursor of the next page; null on the last' })
  nextCursor!: string | null;
}
