import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Clock, CurrentPrincipal, Principal, ProblemException, Roles } from '@onestop/platform';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsUrl, Matches } from 'class-validator';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { NOTIFICATION_KINDS } from '../templates/notification-kinds';
import { WebhookSubscriptions } from './webhook-subscriptions';

const KINDS = Object.keys(NOTIFICATION_KINDS);

export class WebhookSubscriptionDto {
  @ApiProperty({ description: "the province's code, or a unit's (commune, department, service point)", example: '19753' })
  @Matches(/^[0-9A-Z.]{2,20}$/, { message: 'must be a province or unit code such as 46 or 19753' })
  tenantCode!: string;

  @ApiProperty({ example: 'https://phuxuan.hue.gov.vn/hooks/onestop' })
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http(s) URL' })
  url!: string;

  @ApiPropertyOptional({ enum: KINDS, isArray: true, description: 'the kinds to receive; all when left out' })
  @IsOptional()
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

/** The province's and communes' systems subscribe to notices; each gets its own signing secret. */
@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('api/v1/webhooks')
export class WebhooksController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly subscriptions: WebhookSubscriptions,
    private readonly clock: Clock,
  ) {}

  @Post()
  @Roles('province-admin')
  @ApiOperation({ summary: 'Subscribe a system; the answer holds the HMAC secret, shown this once' })
  async subscribe(@Body() body: WebhookSubscriptionDto, @CurrentPrincipal() principal: Principal) {
    const secret = randomBytes(32).toString('base64url');
    const rows: SubscriptionRow[] = await this.dataSource.query(
      `INSERT INTO webhook_subscriptions (id, province_code, tenant_code, url, secret, kinds, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      [uuidv7(), principal.provinceCode, body.tenantCode, body.url, secret, body.kinds ?? [], principal.subject, this.clock.now()],
    );
    this.subscriptions.invalidate();
    return { ...rows[0], secret };
  }

  @Get()
  @Roles('province-admin')
  @ApiOperation({ summary: "The province's subscriptions (secrets are never shown again)" })
  async list(@CurrentPrincipal() principal: Principal) {
    return { items: (await this.dataSource.query(`SELECT ${COLUMNS} FROM webhook_subscriptions WHERE province_code = $1 ORDER BY id`, [principal.provinceCode])) as SubscriptionRow[] };
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles('province-admin')
  @ApiOperation({ summary: 'Stop a subscription; deliveries still waiting for it fail' })
  async unsubscribe(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    const [rows]: [unknown[], number] = await this.dataSource.query('UPDATE webhook_subscriptions SET active = false WHERE id = $1 AND province_code = $2 RETURNING id', [id, principal.provinceCode]);
    if (rows.length === 0) throw new ProblemException(404, 'Not found', { detail: `no webhook subscription ${id} in your province` });
    this.subscriptions.invalidate();
  }
}
