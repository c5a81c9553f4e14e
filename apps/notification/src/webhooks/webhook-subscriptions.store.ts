import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WebhookSubscriptionEntity } from './webhook-subscription.entity';

/** A subscription as its province's administrators see it: without its secret. */
export type SubscriptionView = Pick<
  WebhookSubscriptionEntity,
  'id' | 'tenantCode' | 'url' | 'kinds' | 'active' | 'createdBy' | 'createdAt'
>;

/** What notices need of an active subscription. */
export type ActiveSubscription = Pick<
  WebhookSubscriptionEntity,
  'id' | 'provinceCode' | 'tenantCode' | 'url' | 'secret' | 'kinds'
>;

const VIEW_COLUMNS = `id, tenant_code AS "tenantCode", url, kinds, active, created_by AS "createdBy", created_at AS "createdAt"`;

/** The tenants' webhook subscriptions. */
@Injectable()
export class WebhookSubscriptionsStore {
  constructor(private readonly dataSource: DataSource) {}

  active(): Promise<ActiveSubscription[]> {
    return this.dataSource.query(
      `SELECT id, province_code AS "provinceCode", tenant_code AS "tenantCode", url, secret, kinds FROM webhook_subscriptions WHERE active`,
    );
  }

  async add(subscription: Omit<WebhookSubscriptionEntity, 'active'>): Promise<SubscriptionView> {
    const rows: SubscriptionView[] = await this.dataSource.query(
      `INSERT INTO webhook_subscriptions (id, province_code, tenant_code, url, secret, kinds, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${VIEW_COLUMNS}`,
      [
        subscription.id,
        subscription.provinceCode,
        subscription.tenantCode,
        subscription.url,
        subscription.secret,
        subscription.kinds,
        subscription.createdBy,
        subscription.createdAt,
      ],
    );
    return rows[0];
  }

  ofProvince(provinceCode: string): Promise<SubscriptionView[]> {
    return this.dataSource.query(
      `SELECT ${VIEW_COLUMNS} FROM webhook_subscriptions WHERE province_code = $1 ORDER BY id`,
      [provinceCode],
    );
  }

  /** Switches one of the province's subscriptions off; false when it has no such subscription. */
  async deactivate(provinceCode: string, id: string): Promise<boolean> {
    const [rows]: [unknown[], number] = await this.dataSource.query(
      'UPDATE webhook_subscriptions SET active = false WHERE id = $1 AND province_code = $2 RETURNING id',
      [id, provinceCode],
    );
    return rows.length > 0;
  }
}
