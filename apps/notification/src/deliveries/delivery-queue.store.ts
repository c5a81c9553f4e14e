import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { DeliveryEntity } from './delivery.entity';
import { Settlement } from './delivery-state';

/** One delivery of a notice to plan: what differs between its recipients and channels. */
export type DeliveryDraft = Pick<
  DeliveryEntity,
  | 'recipient'
  | 'channel'
  | 'locale'
  | 'templateVersion'
  | 'templateProvinceCode'
  | 'address'
  | 'subject'
  | 'body'
  | 'data'
>;

/** What the notice's deliveries share. */
export type NoticeFacts = Pick<
  DeliveryEntity,
  'eventId' | 'kind' | 'critical' | 'dossierId' | 'dossierCode' | 'provinceCode' | 'giveUpAt'
>;

/** A claimed delivery: what sending needs. */
export type ClaimedDelivery = Pick<
  DeliveryEntity,
  | 'id'
  | 'eventId'
  | 'recipient'
  | 'channel'
  | 'kind'
  | 'critical'
  | 'address'
  | 'subject'
  | 'body'
  | 'data'
  | 'dossierId'
  | 'dossierCode'
  | 'attempts'
  | 'giveUpAt'
>;

/**
 * The sending queue, which is the deliveries table itself: notices planned into it in bulk, due
 * rows claimed with SKIP LOCKED (replicas share the work without sending one twice), and every
 * outcome of a round written back in one statement.
 */
@Injectable()
export class DeliveryQueueStore {
  constructor(private readonly dataSource: DataSource) {}

  /** One row per (event, recipient, channel): a redelivered event finds its rows there and adds nothing. */
  async plan(tx: EntityManager, notice: NoticeFacts, drafts: readonly DeliveryDraft[], now: Date): Promise<void> {
    const column = <K extends keyof DeliveryDraft>(key: K) => drafts.map((draft) => draft[key]);
    await tx.query(
      `INSERT INTO deliveries (id, event_id, recipient, channel, kind, critical, locale, template_version, template_province_code, address, subject, body, data,
         dossier_id, dossier_code, province_code, state, next_attempt_at, give_up_at, created_at, updated_at)
       SELECT id, $2, recipient, channel, $3, $4, locale, template_version, template_province_code, address, subject, body, data, $5, $6, $7, 'created', $8, $9, $8, $8
         FROM unnest($1::uuid[], $10::text[], $11::text[], $12::text[], $13::int[], $14::text[], $15::text[], $16::text[], $17::jsonb[], $18::text[])
           AS d(id, recipient, channel, locale, template_version, address, subject, body, data, template_province_code)
       ON CONFLICT (event_id, recipient, channel) DO NOTHING`,
      [
        drafts.map(() => uuidv7()),
        notice.eventId,
        notice.kind,
        notice.critical,
        notice.dossierId,
        notice.dossierCode,
        notice.provinceCode,
        now,
        notice.giveUpAt,
        column('recipient'),
        column('channel'),
        column('locale'),
        column('templateVersion'),
        column('address'),
        column('subject'),
        column('body'),
        drafts.map((draft) => JSON.stringify(draft.data)),
        column('templateProvinceCode'),
      ],
    );
  }

  /**
   * Claims up to `batch` due deliveries, leased until `leaseUntil`: new ones, retries whose time has
   * come, and those a crashed replica left half-sent once their lease ran out.
   */
  async claimDue(now: Date, leaseUntil: Date, batch: number): Promise<ClaimedDelivery[]> {
    const [rows]: [ClaimedDelivery[], number] = await this.dataSource.query(
      `UPDATE deliveries d SET state = 'sending', lease_until = $2, sending_at = COALESCE(d.sending_at, $1), updated_at = $1
         FROM (SELECT id FROM deliveries
                WHERE (state IN ('created', 'temporary-failure') AND next_attempt_at <= $1)
                   OR (state = 'sending' AND provider_reference IS NULL AND lease_until < $1)
                ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED) due
        WHERE d.id = due.id
        RETURNING d.id, d.event_id AS "eventId", d.recipient, d.channel, d.kind, d.critical, d.address, d.subject, d.body, d.data,
                  d.dossier_id AS "dossierId", d.dossier_code AS "dossierCode", d.attempts, d.give_up_at AS "giveUpAt"`,
      [now, leaseUntil, batch],
    );
    return rows;
  }

  /** Writes the settlement of each claimed delivery (same order) and releases its lease. */
  async settle(tx: EntityManager, ids: readonly string[], settled: readonly Settlement[], now: Date): Promise<void> {
    const column = <K extends keyof Settlement>(key: K) => settled.map((settlement) => settlement[key]);
    await tx.query(
      `UPDATE deliveries d SET state = s.state, attempts = s.attempts, next_attempt_at = s.next_attempt_at, lease_until = NULL,
              provider = COALESCE(s.provider, d.provider), provider_reference = COALESCE(s.provider_reference, d.provider_reference),
              last_error = COALESCE(s.last_error, d.last_error), delivered_at = s.delivered_at, failed_at = s.failed_at, updated_at = $2
         FROM unnest($1::uuid[], $3::text[], $4::int[], $5::timestamptz[], $6::text[], $7::text[], $8::text[], $9::timestamptz[], $10::timestamptz[])
           AS s(id, state, attempts, next_attempt_at, provider, provider_reference, last_error, delivered_at, failed_at)
        WHERE d.id = s.id`,
      [
        ids,
        now,
        column('state'),
        column('attempts'),
        column('nextAttemptAt'),
        column('provider'),
        column('providerReference'),
        column('lastError'),
        column('deliveredAt'),
        column('failedAt'),
      ],
    );
  }
}
