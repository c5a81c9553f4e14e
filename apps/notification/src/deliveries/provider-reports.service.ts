import { Injectable } from '@nestjs/common';
import { OutboxWriter } from '@onestop/messaging';
import { Clock } from '@onestop/platform';
import { DataSource } from 'typeorm';
import { NotificationEnv } from '../notification.env';
import { NotificationProblems } from '../problems';
import { DeliveriesStore } from './deliveries.store';
import { DeliveryReportDto } from './dto/delivery-report.dto';
import { isSignedReport } from './report-signature';
import { undeliverableEvent } from './undeliverable';

/**
 * Gateways' handset delivery reports. A report moves a delivery waiting for it to delivered, or to
 * permanent-failure with a dead letter; a repeated report changes nothing.
 */
@Injectable()
export class ProviderReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveriesStore,
    private readonly outbox: OutboxWriter,
    private readonly env: NotificationEnv,
    private readonly clock: Clock,
  ) {}

  async record(provider: string, report: DeliveryReportDto, signature: string | undefined): Promise<void> {
    if (!isSignedReport(this.env.callbackSecret, provider, report, signature))
      throw NotificationProblems.reportSignatureMismatch();
    const now = this.clock.now();
    const delivered = report.status === 'delivered';
    const reason = `the gateway reported: ${report.reason ?? 'not delivered'}`;
    const updated = await this.dataSource.transaction(async (tx) => {
      const failed = await this.deliveries.applyReport(
        tx,
        { provider, reference: report.reference, delivered, reason },
        now,
      );
      if (!delivered && failed)
        await this.outbox.append(tx, [
          undeliverableEvent(failed, { state: 'permanent-failure', reason, attempts: failed.attempts }, now),
        ]);
      return failed !== null;
    });
    if (!updated && !(await this.deliveries.sentThrough(provider, report.reference)))
      throw NotificationProblems.unknownProviderMessage(provider, report.reference);
  }
}
