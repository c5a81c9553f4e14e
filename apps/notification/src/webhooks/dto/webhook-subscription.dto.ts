import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOmittable } from '@onestop/platform';
import { ArrayMaxSize, IsArray, IsIn, IsString, Matches, ValidateBy } from 'class-validator';
import { NOTIFICATION_KINDS } from '../../domain/notification-kinds';
import { checkWebhookUrl } from '../webhook-destination';

const KINDS = Object.keys(NOTIFICATION_KINDS);

/**
 * The URL's shape, checked with the body's other fields: what no setting allows (not a URL, user
 * info, metadata names, link-local addresses). The deployment's own policy is applied after.
 */
const IsWebhookUrl = () =>
  ValidateBy({
    name: 'isWebhookUrl',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && checkWebhookUrl(value, { allowHttp: true, allowPrivate: true }).ok,
      defaultMessage: (args) => {
        const checked =
          typeof args?.value === 'string' ? checkWebhookUrl(args.value, { allowHttp: true, allowPrivate: true }) : null;
        return checked && !checked.ok ? checked.problem : 'must be an https URL';
      },
    },
  });

export class WebhookSubscriptionDto {
  @ApiProperty({
    description: "your province's code, or the code of one of its units (commune, department, service point)",
    example: '19753',
  })
  @Matches(/^[0-9A-Z.]{2,20}$/, { message: 'must be a province or unit code such as 46 or 19753' })
  tenantCode!: string;

  @ApiProperty({
    example: 'https://phuxuan.hue.gov.vn/hooks/onestop',
    description:
      'https (http only in development); a public host: no loopback, private, link-local or metadata destinations, no user info',
  })
  @IsString()
  @IsWebhookUrl()
  url!: string;

  @ApiPropertyOptional({ enum: KINDS, isArray: true, description: 'the kinds to receive; all when left out' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(KINDS.length)
  @IsIn(KINDS, { each: true })
  kinds?: string[];
}
