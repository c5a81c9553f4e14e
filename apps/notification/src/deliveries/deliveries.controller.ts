import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Clock, CurrentPrincipal, IdCursorPageQueryDto, IsOmittable, maskPersonalText, Principal, ProblemException, ProblemResponses, Roles } from '@onestop/platform';
import { IsIn, Matches } from 'class-validator';
import { DataSource } from 'typeorm';
import { CHANNELS } from '../domain/notification-kinds';
import { DELIVERY_STATES } from './delivery-state';
import { DeliveryDispatcher } from './delivery-dispatcher';
import { DeliveryDto, DeliveryPageDto } from './delivery.response';

export class DeliveriesQueryDto extends IdCursorPageQueryDto {
  @ApiPropertyOptional({ example: '19753-261124-0001' })
  @IsOmittable()
  @Matches(/^[0-9A-Z.]{2,20}-\d{6}-\d{4}$/, { message: 'must be a dossier code such as 19753-261124-0001' })
  dossierCode?: string;

  @ApiPropertyOptional({ enum: DELIVERY_STATES })
  @IsOmittable()
  @IsIn(DELIVERY_STATES)
  state?: string;

  @ApiPropertyOptional({ enum: CHANNELS })
  @IsOmittable()
  @IsIn(CHANNELS)
  channel?: string;
}

interface DeliveryRow {
  id: string;
  eventId: string;
  kind: string;
  channel: string;
  locale: string;
  templateVersion: number | null;
  templateProvinceCode: string | null;
  recipient: string;
  address: string;
  critical: boolean;
  dossierCode: string | null;
  state: string;
  attempts: number;
  nextAttemptAt: Date;
  provider: string | null;
  providerReference: string | null;
  lastError: string | null;
  createdAt: Date;
  sendingAt: Date | null;
  deliveredAt: Date | null;
  failedAt: Date | null;
  giveUpAt: Date;
}

const COLUMNS = `id, event_id AS "eventId", kind, channel, locale, template_version AS "templateVersion",
  template_province_code AS "templateProvinceCode", recipient, address, critical,
  dossier_code AS "dossierCode", state, attempts, next_attempt_at AS "nextAttemptAt", provider, provider_reference AS "providerReference",
  last_error AS "lastError", created_at AS "createdAt", sending_at AS "sendingAt", delivered_at AS "deliveredAt", failed_at AS "failedAt",
  give_up_at AS "giveUpAt"`;

/** Operators see where a notice went and how; the address masked and the text left out. */
function view(row: DeliveryRow) {
  const { address, locale, templateVersion, templateProvinceCode, ...rest } = row;
  // provinceCode: whose version was used, the province's own or (null) the national default.
  const template = templateVersion === null ? null : { id: `${row.kind}/${row.channel}/${locale}`, version: templateVersion, provinceCode: templateProvinceCode };
  return { ...rest, locale, template, address: row.channel === 'webhook' ? address : maskPersonalText(address) };
}

/** Deliveries are the province's: a token without one sees none. */
function provinceOf(principal: Principal): string {
  if (!principal.provinceCode) throw new ProblemException(403, 'Not allowed', { detail: 'deliveries belong to a province, and your token names none' });
  return principal.provinceCode;
}

const notFound = (id: string) => new ProblemException(404, 'Not found', { detail: `no delivery ${id} in your province` });

/** Delivery status for the province's operators: one by id, pages by cursor, a retry by hand. */
@ApiTags('deliveries')
@Controller('api/v1/deliveries')
export class DeliveriesController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dispatcher: DeliveryDispatcher,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Roles('province-admin', 'province-leader')
  @ApiOperation({ summary: 'Deliveries, newest first, filtered by dossier, state or channel; cursor-paged' })
  @ApiOkResponse({ type: DeliveryPageDto })
  async list(@Query() query: DeliveriesQueryDto, @CurrentPrincipal() principal: Principal) {
    const limit = query.limit ?? 50;
    const rows: DeliveryRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM deliveries
        WHERE province_code = $1 AND ($2::text IS NULL OR dossier_code = $2) AND ($3::text IS NULL OR state = $3)
          AND ($4::text IS NULL OR channel = $4) AND ($5::uuid IS NULL OR id < $5)
        ORDER BY id DESC LIMIT $6`,
      [provinceOf(principal), query.dossierCode ?? null, query.state ?? null, query.channel ?? null, query.cursor ?? null, limit + 1],
    );
    const page = rows.slice(0, limit);
    return { items: page.map(view), nextCursor: rows.length > limit ? page[page.length - 1].id : null };
  }

  @Get(':id')
  @Roles('province-admin', 'province-leader')
  @ApiOperation({ summary: 'One delivery: state, attempts, provider and its reference, timestamps, template used' })
  @ApiOkResponse({ type: DeliveryDto })
  @ProblemResponses(404)
  async one(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal) {
    const rows: DeliveryRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM deliveries WHERE id = $1 AND province_code = $2`, [id, provinceOf(principal)]);
    if (!rows[0]) throw notFound(id);
    return view(rows[0]);
  }

  @Post(':id/retry')
  @HttpCode(202)
  @Roles('province-admin')
  @ApiOperation({ summary: 'Send a failed delivery again (after fixing an address or a provider); the retry horizon starts anew' })
  @ApiAcceptedResponse({ type: DeliveryDto })
  @ProblemResponses(404, 409)
  async retry(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal) {
    const provinceCode = provinceOf(principal);
    const now = this.clock.now();
    const [rows]: [DeliveryRow[], number] = await this.dataSource.query(
      `UPDATE deliveries SET state = 'created', next_attempt_at = $3, give_up_at = $3::timestamptz + (give_up_at - created_at), failed_at = NULL, updated_at = $3
        WHERE id = $1 AND province_code = $2 AND state IN ('permanent-failure', 'technical-failure') RETURNING ${COLUMNS}`,
      [id, provinceCode, now],
    );
    if (!rows[0]) {
      const exists: DeliveryRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM deliveries WHERE id = $1 AND province_code = $2`, [id, provinceCode]);
      if (!exists[0]) throw notFound(id);
      throw new ProblemException(409, 'Not failed', { detail: `delivery ${id} is ${exists[0].state}; only failed deliveries are sent again` });
    }
    this.dispatcher.wake();
    return view(rows[0]);
  }
}
