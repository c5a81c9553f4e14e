import { Body, Controller, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { ApiNoContentResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Clock, IsOmittable, ProblemException, ProblemResponse, ProblemResponses, Public } from '@onestop/platform';
import { IsIn, IsString, Length } from 'class-validator';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OutboxWriter } from '@onestop/messaging';
import { NotificationEnv } from '../notification.env';
import { FailedDelivery, undeliverableEvent } from './undeliverable';

export class DeliveryReportDto {
  @ApiProperty({ description: "the gateway's message id, as it answered when it took the message" })
  @IsString()
  @Length(1, 200)
  reference!: string;

  @ApiProperty({ enum: ['delivered', 'failed'] })
  @IsIn(['delivered', 'failed'])
  status!: 'delivered' | 'failed';

  @ApiPropertyOptional({ example: 'handset unreachable for 48 h' })
  @IsOmittable()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

/** The signature a gateway sends: HMAC-SHA256 of `{provider}.{reference}.{status}` with the shared secret. */
export function reportSignature(secret: string, provider: string, report: { reference: string; status: string }): string {
  return createHmac('sha256', secret).update(`${provider}.${report.reference}.${report.status}`).digest('hex');
}

/**
 * Gateways report handset delivery here. The report moves a delivery waiting for it to delivered,
 * or to permanent-failure; a repeated report changes nothing.
 */
@ApiTags('provider callbacks')
@Controller('api/v1/provider-callbacks')
export class ProviderCallbacksController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly env: NotificationEnv,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  @Post(':provider')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: "A gateway's delivery report, signed in X-OneStop-Signature" })
  @ApiNoContentResponse({ description: 'The report is recorded' })
  @ProblemResponse(401, 'X-OneStop-Signature does not match the report')
  @ProblemResponses(404)
  async report(@Param('provider') provider: string, @Body() report: DeliveryReportDto, @Headers('x-onestop-signature') signature: string | undefined): Promise<void> {
    const expected = Buffer.from(reportSignature(this.env.callbackSecret, provider, report), 'hex');
    const given = Buffer.from(signature ?? '', 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new ProblemException(401, 'Unauthorized', { detail: 'X-OneStop-Signature does not match the report' });
    }
    const now = this.clock.now();
    const delivered = report.status === 'delivered';
    const reason = `the gateway reported: ${report.reason ?? 'not delivered'}`;
    const updated = await this.dataSource.transaction(async (tx) => {
      const [rows]: [(FailedDelivery & { attempts: number })[], number] = await tx.query(
        `UPDATE deliveries SET state = $3, delivered_at = CASE WHEN $4 THEN $5 ELSE delivered_at END, failed_at = CASE WHEN $4 THEN failed_at ELSE $5 END,
                last_error = CASE WHEN $4 THEN last_error ELSE $6 END, updated_at = $5
          WHERE provider = $1 AND provider_reference = $2 AND state = 'sending'
          RETURNING id, event_id AS "eventId", kind, channel, critical, dossier_id AS "dossierId", dossier_code AS "dossierCode", attempts`,
        [provider, report.reference, delivered ? 'delivered' : 'permanent-failure', delivered, now, reason],
      );
      if (!delivered && rows[0]) await this.outbox.append(tx, [undeliverableEvent(rows[0], { state: 'permanent-failure', reason, attempts: rows[0].attempts }, now)]);
      return rows.length > 0;
    });
    if (updated) return;
    const known: unknown[] = await this.dataSource.query('SELECT 1 FROM deliveries WHERE provider = $1 AND provider_reference = $2', [provider, report.reference]);
    if (known.length === 0) throw new ProblemException(404, 'Not found', { detail: `no message ${report.reference} sent through ${provider}` });
  }
}
