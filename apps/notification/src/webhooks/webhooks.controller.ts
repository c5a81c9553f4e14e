import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Clock, CurrentPrincipal, invalidRequest, IsOmittable, Principal, ProblemException, ProblemResponses, Roles, unprocessableRequest } from '@onestop/platform';
import { AdministrativeUnits } from '@onestop/reference-data';
import { ArrayMaxSize, IsArray, IsIn, IsString, Matches, ValidateBy } from 'class-validator';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { NotificationEnv } from '../notification.env';
import { NOTIFICATION_KINDS } from '../domain/notification-kinds';
import { checkWebhookUrl } from './webhook-destination';
import { WebhookSubscriptions } from './webhook-subscriptions';
import { NewWebhookSubscriptionDto, WebhookSubscriptionListDto } from './webhook.response';

const KINDS = Object.keys(NOTIFICATION_KINDS);

/**
 * The URL's shape, checked with the body's other fields: what no setting allows (not a URL, user
 * info, metadata names, link-local addresses). The deployment's own policy is applied after.
 */
const IsWebhookUrl = () =>
  ValidateBy({
    name: 'isWebhookUrl',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && checkWebhookUrl(value, { allowHttp: true, allowPrivate: true }).ok,
      defaultMessage: (args) => {
        const checked = typeof args?.value === 'string' ? checkWebhookUrl(args.value, { allowHttp: true, allowPrivate: true }) : null;
        return checked && !checked.ok ? checked.problem : 'must be an https URL';
      },
    },
  });

export class WebhookSubscriptionDto {
  @ApiProperty({ description: "your province's code, or the code of one of its units (commune, department, service point)", example: '19753' })
  @Matches(/^[0-9A-Z.]{2,20}$/, { message: 'must be a province or unit code such as 46 or 19753' })
  tenantCode!: string;

  @ApiProperty({
    example: 'https://phuxuan.hue.gov.vn/hooks/onestop',
    description: 'https (http only in development); a public host: no loopback, private, link-local or metadata destinations, no user info',
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

interface SubscriptionRow {
  id: string;
  tenantCode: string;
  url: string;
  kinds: string[];
  active: boolean;
  createdBy: string;
  createdAt: Date;
}

const COLUMNS = `id, tenant_code AS "tenantCode", url, kinds, active, created_by AS "createdBy", created_at AS "createdAt"`;

/** Subscriptions are the province's: a token without one has none. */
function provinceOf(principal: Principal): string {
  if (!principal.provinceCode) throw new ProblemException(403, 'Not allowed', { detail: 'webhook subscriptions belong to a province, and your token names none' });
  return principal.provinceCode;
}

/**
 * The province a tenant belongs to: the province itself, a unit of the directory (commune,
 * department), or a service point `<commune>.<point>` that intake registered after this copy of the
 * directory was loaded. Null for a code that is none of these.
 */
export async function provinceOfTenant(units: Pick<AdministrativeUnits, 'find'>, tenantCode: string): Promise<string | null> {
  const unit = await units.find(tenantCode);
  if (unit) return unit.kind === 'province' ? unit.code : unit.provinceCode;
  const dot = tenantCode.lastIndexOf('.');
  const parent = dot > 0 ? await units.find(tenantCode.slice(0, dot)) : null;
  return parent?.kind === 'commune' ? parent.provinceCode : null;
}

/** The province's and communes' systems subscribe to notices; each gets its own signing secret. */
@ApiTags('webhooks')
@Controller('api/v1/webhooks')
export class WebhooksController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly subscriptions: WebhookSubscriptions,
    private readonly units: AdministrativeUnits,
    private readonly env: NotificationEnv,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Roles('province-admin')
  @ApiOperation({ summary: 'Subscribe a system of your province or one of its units; the answer holds the HMAC secret, shown this once' })
  @ApiCreatedResponse({ type: NewWebhookSubscriptionDto })
  @ProblemResponses(422)
  async subscribe(@Body() body: WebhookSubscriptionDto, @CurrentPrincipal() principal: Principal) {
    const provinceCode = provinceOf(principal);
    const tenantProvince = await provinceOfTenant(this.units, body.tenantCode);
    if (tenantProvince === null) throw unprocessableRequest([{ field: 'tenantCode', code: 'unknownReference', message: 'is neither a province nor a unit of one' }]);
    if (tenantProvince !== provinceCode) {
      throw new ProblemException(403, 'Not allowed', { detail: `${body.tenantCode} is not your province or one of its units; you administer province ${provinceCode}` });
    }
    const destination = checkWebhookUrl(body.url, this.env.webhookPolicy);
    if (!destination.ok) throw invalidRequest([{ field: 'url', code: 'unsafeUrl', message: destination.problem }]);
    const secret = randomBytes(32).toString('base64url');
    const rows: SubscriptionRow[] = await this.dataSource.query(
      `INSERT INTO webhook_subscriptions (id, province_code, tenant_code, url, secret, kinds, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      // The URL as parsed and checked (127.1 reads 127.0.0.1): what is stored is what was judged.
      [uuidv7(), provinceCode, body.tenantCode, destination.url.href, secret, body.kinds ?? [], principal.subject, this.clock.now()],
    );
    this.subscriptions.invalidate();
    return { ...rows[0], secret };
  }

  @Get()
  @Roles('province-admin')
  @ApiOperation({ summary: "The province's subscriptions (secrets are never shown again)" })
  @ApiOkResponse({ type: WebhookSubscriptionListDto })
  async list(@CurrentPrincipal() principal: Principal) {
    return { items: (await this.dataSource.query(`SELECT ${COLUMNS} FROM webhook_subscriptions WHERE province_code = $1 ORDER BY id`, [provinceOf(principal)])) as SubscriptionRow[] };
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('province-admin')
  @ApiOperation({ summary: "Stop one of the province's subscriptions; deliveries still waiting for it fail" })
  @ApiNoContentResponse({ description: 'The subscription is stopped' })
  @ProblemResponses(404)
  async unsubscribe(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    const [rows]: [unknown[], number] = await this.dataSource.query('UPDATE webhook_subscriptions SET active = false WHERE id = $1 AND province_code = $2 RETURNING id', [
      id,
      provinceOf(principal),
    ]);
    if (rows.length === 0) throw new ProblemException(404, 'Not found', { detail: `no webhook subscription ${id} in your province` });
    this.subscriptions.invalidate();
  }
}
