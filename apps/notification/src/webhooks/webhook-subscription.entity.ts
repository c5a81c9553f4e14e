import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A tenant's system that receives the province's notices as signed JSON. */
@Entity({ name: 'webhook_subscriptions' })
export class WebhookSubscriptionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text', { name: 'province_code' })
  provinceCode: string;

  /** The province or the unit (commune, department, service point) whose notices it receives. */
  @Column('text', { name: 'tenant_code' })
  tenantCode: string;

  @Column('text')
  url: string;

  @Column('text')
  secret: string;

  /** Empty: every kind. */
  @Column('text', { array: true })
  kinds: string[];

  @Column('boolean')
  active: boolean;

  @Column('text', { name: 'created_by' })
  createdBy: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
