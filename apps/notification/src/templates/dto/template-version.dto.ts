import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LOCALES, NOTIFICATION_KINDS, TEMPLATE_CHANNELS } from '../../domain/notification-kinds';

/** One version of a template: the province's own, or (provinceCode null) the national default. */
export class TemplateVersionDto {
  @ApiProperty({ type: String, nullable: true })
  provinceCode!: string | null;

  @ApiProperty({ enum: Object.keys(NOTIFICATION_KINDS) })
  kind!: string;

  @ApiProperty({ enum: TEMPLATE_CHANNELS })
  channel!: string;

  @ApiProperty({ enum: LOCALES })
  locale!: string;

  @ApiProperty()
  version!: number;

  @ApiProperty({ type: String, nullable: true })
  subject!: string | null;

  @ApiProperty()
  body!: string;

  @ApiProperty()
  createdBy!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class TemplateListDto {
  @ApiProperty({ type: [TemplateVersionDto] })
  items!: TemplateVersionDto[];
}

class SmsSegmentsDto {
  @ApiProperty({ enum: ['gsm-7', 'ucs-2'] })
  encoding!: string;

  @ApiProperty()
  segments!: number;
}

export class RenderedTemplateDto {
  @ApiProperty({ type: String, nullable: true })
  subject!: string | null;

  @ApiProperty()
  body!: string;

  @ApiPropertyOptional({
    type: SmsSegmentsDto,
    description: 'for SMS: how the text is encoded and how many messages it takes',
  })
  sms?: SmsSegmentsDto;
}
