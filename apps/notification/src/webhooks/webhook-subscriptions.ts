import { Injectable } from '@nestjs/common';
import { ExpiringSnapshot } from '@onestop/platform';
import { DataSource } from 'typeorm';
import { WebhookSecrets } from '../channels/webhook.adapter';
import { NotificationKind } from '../domain/notification-kinds';

export interface WebhookSubscription {
  id: string;
  provinceCode: string;
  /** The province or the unit (commune, department, service point) whose notices it receives. */
  tenantCode: string;
  url: string;
  secret: string;
  /** Empty: every kind. */
  kinds: string[];
}

/**
 * Active subscriptions, held in memory (every notice looks them up); a change here is seen at once,
 * on other replicas within half a minute.
 */
@Injectable()
export class WebhookSubscriptions implements WebhookSecrets {
  private readonly snapshot: ExpiringSnapshot<WebhookSubscription[]>;

  constructor(dataSource: DataSource) {
    this.snapshot = new ExpiringSnapshot(
      () =>
        dataSource.query(
          `SELECT id, province_code AS "provinceCode", tenant_code AS "tenantCode", url, secret, kinds FROM webhook_subscriptions WHERE active`,
        ) as Promise<WebhookSubscription[]>,
      30_000,
    );
  }

  /** Subscriptions of the dossier's province, of its units, that want this kind. */
  async matching(kind: NotificationKind, provinceCode: string, unitCodes: readonly (string | null)[]): Promise<WebhookSubscription[]> {
    const tenants = new Set([provinceCode, ...unitCodes.filter((code): code is string => code !== null)]);
    return (await this.snapshot.get()).filter(
      (subscription) => subscription.provinceCode === provinceCode && tenants.has(subscription.tenantCode) && (subscription.kinds.length === 0 || subscription.kinds.includes(kind)),
    );
  }

  async secretOf(subscriptionId: string): Promise<string | null> {
    return (await this.snapshot.get()).find((subscription) => subscription.id === subscriptionId)?.secret ?? null;
  }

  invalidate(): void {
    this.snapshot.invalidate();
  }
}
