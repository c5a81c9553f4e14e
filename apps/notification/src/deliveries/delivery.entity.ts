import { Column, Entity, PrimaryColumn } from 'typeorm';
import { NotificationKind } from '../domain/notification-kinds';
import { DeliveryState } from './delivery-state';

/** One notice to one recipient on one channel: exactly one per (event, recipient, channel). */
@Entity({ name: 'deliveries' })
export class DeliveryEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'event_id' })
  eventId: string;

  /** `applicant`, `officer:<id>` or `webhook:<subscription id>`. */
  @Column('text')
  recipient: string;

  @Column('text')
  channel: string;

  @Column('text')
  kind: NotificationKind;

  @Column('boolean')
  critical: boolean;

  @Column('text')
  locale: string;

  @Column('integer', { name: 'template_version', nullable: true })
  templateVersion: number | null;

  /** Whose template version was used: the province's own, or null for the national default. */
  @Column('text', { name: 'template_province_code', nullable: true })
  templateProvinceCode: string | null;

  @Column('text')
  address: string;

  @Column('text', { nullable: true })
  subject: string | null;

  @Column('text')
  body: string;

  /** The placeholder values the body was rendered from. */
  @Column('jsonb')
  data: Record<string, string>;

  @Column('uuid', { name: 'dossier_id', nullable: true })
  dossierId: string | null;

  @Column('text', { name: 'dossier_code', nullable: true })
  dossierCode: string | null;

  @Column('text', { name: 'province_code' })
  provinceCode: string;

  @Column('text')
  state: DeliveryState;

  @Column('integer')
  attempts: number;

  @Column('timestamptz', { name: 'next_attempt_at' })
  nextAttemptAt: Date;

  @Column('timestamptz', { name: 'give_up_at' })
  giveUpAt: Date;

  /** While sending: when another replica may take the delivery over. */
  @Column('timestamptz', { name: 'lease_until', nullable: true })
  leaseUntil: Date | null;

  @Column('text', { nullable: true })
  provider: string | null;

  @Column('text', { name: 'provider_reference', nullable: true })
  providerReference: string | null;

  @Column('text', { name: 'last_error', nullable: true })
  lastError: string | null;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'sending_at', nullable: true })
  sendingAt: Date | null;

  @Column('timestamptz', { name: 'delivered_at', nullable: true })
  deliveredAt: Date | null;

  @Column('timestamptz', { name: 'failed_at', nullable: true })
  failedAt: Date | null;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
