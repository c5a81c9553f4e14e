import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DeliveryEntity } from './delivery.entity';
import { FailedDelivery } from './undeliverable';

/** What operators see of a delivery: everything but the text and the lease. */
export type DeliveryRecord = Pick<
  DeliveryEntity,
  | 'id'
  | 'eventId'
  | 'kind'
  | 'channel'
  | 'locale'
  | 'templateVersion'
  | 'templateProvinceCode'
  | 'recipient'
  | 'address'
  | 'critical'
  | 'dossierCode'
  | 'state'
  | 'attempts'
  | 'nextAttemptAt'
  | 'provider'
  | 'providerReference'
  | 'lastError'
  | 'createdAt'
  | 'sendingAt'
  | 'deliveredAt'
  | 'failedAt'
  | 'giveUpAt'
>;

export interface DeliveryFilter {
  dossierCode: string | null;
  state: string | null;
  channel: string | null;
  /** The id of the last delivery of the previous page. */
  cursor: string | null;
}

const COLUMNS = `id, event_id AS "eventId", kind, channel, locale, template_version AS "templateVersion",
  template_province_code AS "templateProvinceCode", recipient, address, critical,
  dossier_code AS "dossierCode", state, attempts, next_attempt_at AS "nextAttemptAt", provider, provider_reference AS "providerReference",
  last_error AS "lastError", created_at AS "createdAt", sending_at AS "sendingAt", delivered_at AS "deliveredAt", failed_at AS "failedAt",
  give_up_at AS "giveUpAt"`;

/** The province's deliveries as operators and gateways' reports reach them. */
@Injectable()
export class DeliveriesStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first (a uuid v7 orders by time), after the cursor; up to `limit` rows. */
  page(provinceCode: string, filter: DeliveryFilter, limit: number): Promise<DeliveryRecord[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM deliveries
        WHERE province_code = $1 AND ($2::text IS NULL OR dossier_code = $2) AND ($3::text IS NULL OR state = $3)
          AND ($4::text IS NULL OR channel = $4) AND ($5::uuid IS NULL OR id < $5)
        ORDER BY id DESC LIMIT $6`,
      [provinceCode, filter.dossierCode, filter.state, filter.channel, filter.cursor, limit],
    );
  }

  one(provinceCode: string, id: string): Promise<DeliveryRecord | null> {
    return this.dataSource.manager.findOneBy(DeliveryEntity, { id, provinceCode });
  }

  /** Puts a failed delivery back in the queue, its retry horizon as long as it first was; null when it is not failed (or not the province's). */
  async retry(provinceCode: string, id: string, now: Date): Promise<DeliveryRecord | null> {
    const [rows]: [DeliveryRecord[], number] = await this.dataSource.query(
      `UPDATE deliveries SET state = 'created', next_attempt_at = $3, give_up_at = $3::timestamptz + (give_up_at - created_at), failed_at = NULL, updated_at = $3
        WHERE id = $1 AND province_code = $2 AND state IN ('permanent-failure', 'technical-failure') RETURNING ${COLUMNS}`,
      [id, provinceCode, now],
    );
    return rows[0] ?? null;
  }

  /**
   * A gateway's report on a delivery waiting for it: delivered, or failed for good with `reason`.
   * Null when no delivery waits for this report (unknown, or already reported).
   */
  async applyReport(
    tx: EntityManager,
    report: { provider: string; reference: string; delivered: boolean; reason: string },
    now: Date,
  ): Promise<(FailedDelivery & Pick<DeliveryEntity, 'attempts'>) | null> {
    const [rows]: [(FailedDelivery & Pick<DeliveryEntity, 'attempts'>)[], number] = await tx.query(
      `UPDATE deliveries SET state = $3, delivered_at = CASE WHEN $4 THEN $5 ELSE delivered_at END, failed_at = CASE WHEN $4 THEN failed_at ELSE $5 END,
              last_error = CASE WHEN $4 THEN last_error ELSE $6 END, updated_at = $5
        WHERE provider = $1 AND provider_reference = $2 AND state = 'sending'
        RETURNING id, event_id AS "eventId", kind, channel, critical, dossier_id AS "dossierId", dossier_code AS "dossierCode", attempts`,
      [
        report.provider,
        report.reference,
        report.delivered ? 'delivered' : 'permanent-failure',
        report.delivered,
        now,
        report.reason,
      ],
    );
    return rows[0] ?? null;
  }

  /** Whether the gateway was ever given a message under this reference. */
  sentThrough(provider: string, reference: string): Promise<boolean> {
    return this.dataSource.manager.existsBy(DeliveryEntity, { provider, providerReference: reference });
  }
}
