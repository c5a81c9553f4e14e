import { EventDataEnv } from '@onestop/platform';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
} from 'class-validator';
import { z } from 'zod';

const httpUrl = { require_tld: false, protocols: ['http', 'https'] };

// Read from the source: implicit conversion would already have turned the string "false" into true.
const toBoolean = ({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
  const raw = obj[key];
  return raw === 'true' ? true : raw === 'false' ? false : raw;
};

/** Webhooks into the platform's own network are for tests and a developer's machine, never production. */
const notInProduction = ValidateBy({
  name: 'notInProduction',
  validator: {
    validate: (allowed: unknown, args) =>
      allowed !== true || (args!.object as NotificationEnv).NODE_ENV !== 'production',
    defaultMessage: () => "must not be true in production: webhooks would reach the platform's own network",
  },
});

/** One SMS gateway (a brandname gateway in production); traffic is split between them by weight. */
const smsProviderSchema = z.object({
  name: z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be lower-case letters, digits and dashes'),
  url: z.url({ protocol: /^https?$/ }),
  apiKey: z.string().min(1),
  weight: z.number().int().min(0).max(1000),
  brandname: z.string().min(1).max(11),
  /** The gateway's own limit, in messages per second. */
  ratePerSecond: z.number().positive().default(50),
  /** True when the gateway reports handset delivery to the callback endpoint. */
  deliveryReports: z.boolean().default(false),
});
export type SmsProviderSettings = z.infer<typeof smsProviderSchema>;

const smsProvidersSchema = z
  .array(smsProviderSchema)
  .max(5)
  .refine((providers) => new Set(providers.map((p) => p.name)).size === providers.length, 'provider names must differ')
  .refine(
    (providers) => providers.length === 0 || providers.some((p) => p.weight > 0),
    'at least one provider needs a weight above 0',
  );

/** Zalo ZNS template ids by notification kind: ZNS sends only templates Zalo approved. */
const zaloTemplatesSchema = z.record(z.string(), z.string().min(1));

/** Parses a JSON variable and fills its schema's defaults; what does not parse stays for the check to name. */
const parseJsonWith =
  (schema: z.ZodType) =>
  ({ value }: { value: unknown }) => {
    let parsed: unknown = value;
    if (typeof value === 'string') {
      try {
        parsed = JSON.parse(value) as unknown;
      } catch {
        return { invalidJson: value };
      }
    }
    const result = schema.safeParse(parsed);
    return result.success ? result.data : parsed;
  };

/** A JSON variable checked against its schema; the message says what is wrong where. */
function MatchesSchema(schema: z.ZodType, what: string) {
  return ValidateBy({
    name: 'matchesSchema',
    validator: {
      validate: (value: unknown) => schema.safeParse(value).success,
      defaultMessage: (args) => {
        const result = schema.safeParse(args?.value);
        const issue = result.success ? undefined : result.error.issues[0];
        return `must be JSON: ${what}${issue ? ` (${issue.path.join('.') || 'value'}: ${issue.message})` : ''}`;
      },
    },
  });
}

/** The notification service's settings: the platform's, plus its channels, retries and limits. */
export class NotificationEnv extends EventDataEnv {
  /** The province's mail relay; without it no e-mail is planned. */
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsEmail({}, { message: 'must be an e-mail address' })
  SMTP_FROM = 'no-reply@onestop.local';

  @Min(1)
  @Type(() => Number)
  SMTP_RATE_PER_SECOND = 1_000;

  /** Simultaneous SMTP connections (nodemailer's pool). */
  @IsInt()
  @Min(1)
  @Type(() => Number)
  SMTP_CONNECTIONS = 8;

  @Transform(parseJsonWith(smsProvidersSchema))
  @MatchesSchema(
    smsProvidersSchema,
    '[{"name","url","apiKey","weight","brandname","ratePerSecond"?,"deliveryReports"?}]',
  )
  SMS_PROVIDERS: SmsProviderSettings[] = [];

  @IsOptional()
  @IsUrl(httpUrl, { message: 'must be an http(s) URL' })
  ZALO_API_URL?: string;

  @ValidateIf((env: NotificationEnv) => env.ZALO_API_URL !== undefined)
  @IsString({ message: 'is required with ZALO_API_URL' })
  ZALO_ACCESS_TOKEN?: string;

  @Transform(parseJsonWith(zaloTemplatesSchema))
  @MatchesSchema(zaloTemplatesSchema, '{"<kind>": "<ZNS template id>"}')
  ZALO_TEMPLATES: Record<string, string> = {};

  @Min(1)
  @Type(() => Number)
  ZALO_RATE_PER_SECOND = 50;

  /** Per webhook subscription. */
  @Min(1)
  @Type(() => Number)
  WEBHOOK_RATE_PER_SECOND = 20;

  /**
   * `http://` webhook URLs. Unset: allowed in development and tests, refused in production
   * (https only); set, it decides.
   */
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  WEBHOOK_ALLOW_HTTP?: boolean;

  /**
   * Webhooks to loopback, private (RFC 1918, fc00::/7) and CGNAT addresses and to local names
   * (localhost, single-label names): for tests and local development, whose receivers listen on
   * loopback. Refused with NODE_ENV=production. Metadata names and link-local addresses stay
   * refused either way.
   */
  @Transform(toBoolean)
  @IsBoolean({ message: 'must be true or false' })
  @notInProduction
  WEBHOOK_ALLOW_PRIVATE_DESTINATIONS = false;

  /** Shared with the SMS and Zalo gateways: they present it when they report delivery. */
  @ValidateIf((env: NotificationEnv) => env.NODE_ENV === 'production' || env.PROVIDER_CALLBACK_SECRET !== undefined)
  @MinLength(24, { message: 'must be at least 24 characters' })
  PROVIDER_CALLBACK_SECRET?: string;

  /** Temporary failures are retried after base, 2×base, 4×base … up to max between tries … */
  @IsInt()
  @Min(1)
  @Type(() => Number)
  DELIVERY_RETRY_BASE_MS = 30_000;

  @IsInt()
  @Min(1)
  @Type(() => Number)
  DELIVERY_RETRY_MAX_MS = 30 * 60_000;

  /** … until this long after the notice was planned: then technical-failure and a dead letter. */
  @IsInt()
  @Min(1)
  @Type(() => Number)
  DELIVERY_RETRY_HORIZON_MS = 24 * 3600_000;

  /** How long a sender may hold a delivery before another replica takes it over (crash recovery). */
  @IsInt()
  @Min(1_000)
  @Type(() => Number)
  DELIVERY_LEASE_MS = 60_000;

  /** Per provider request; a slower provider counts as a temporary failure. */
  @IsInt()
  @Min(100)
  @Type(() => Number)
  PROVIDER_TIMEOUT_MS = 10_000;

  /** The citizens' look-up page of a dossier; `{code}` is replaced by the dossier code. */
  @Matches(/^https?:\/\/.+\{code\}/, { message: 'must be an http(s) URL with {code} in it' })
  PUBLIC_LOOKUP_URL = 'http://localhost:3001/api/v1/dossiers/{code}/status';

  /**
   * The web application's public look-up page (the web's own PUBLIC_LOOKUP_URL, where a receipt's
   * QR code points): the hand-over notice links to it with the dossier code (`?ma=<code>`), where
   * the applicant rates the service.
   */
  @Matches(/^https?:\/\/[^\s{}#]+$/, { message: "must be an http(s) URL: the web application's public look-up page" })
  PUBLIC_LOOKUP_PAGE_URL = 'http://localhost:3000/tra-cuu';

  /** The officers' page of a dossier; `{id}` is replaced by the dossier id. */
  @Matches(/^https?:\/\/.+\{id\}/, { message: 'must be an http(s) URL with {id} in it' })
  WORKBENCH_URL = 'http://localhost:3002/api/v1/dossiers/{id}';

  /** Where webhooks may go, checked at registration and again at every attempt. */
  get webhookPolicy(): { allowHttp: boolean; allowPrivate: boolean } {
    return {
      allowHttp: this.WEBHOOK_ALLOW_HTTP ?? this.NODE_ENV !== 'production',
      allowPrivate: this.WEBHOOK_ALLOW_PRIVATE_DESTINATIONS,
    };
  }

  get callbackSecret(): string {
    return this.PROVIDER_CALLBACK_SECRET ?? 'onestop-development-callback-secret';
  }
}
