import { Injectable } from '@nestjs/common';
import { ExpiringSnapshot } from '@onestop/platform';
import { NotificationKind } from '../domain/notification-kinds';
import { ActiveSubscription, WebhookSubscriptionsStore } from './webhook-subscriptions.store';

/**
 * Active subscriptions, held in memory (every notice looks them up); a change here is seen at once,
 * on other replicas within half a minute.
 */
@Injectable()
export class WebhookSubscriptions {
  private readonly snapshot: ExpiringSnapshot<ActiveSubscription[]>;

  constructor(store: WebhookSubscriptionsStore) {
    this.snapshot = new ExpiringSnapshot(() => store.active(), 30_000);
  }

  /** Subscriptions of the dossier's province, of its units, that want this kind. */
  async matching(
    kind: NotificationKind,
    provinceCode: string,
    unitCodes: readonly (string | null)[],
  ): Promise<ActiveSubscription[]> {
    const tenants = new Set([provinceCode, ...unitCodes.filter((code): code is string => code !== null)]);
    return (await this.snapshot.get()).filter(
      (subscription) =>
        subscription.provinceCode === provinceCode &&
        tenants.has(subscription.tenantCode) &&
        (subscription.kinds.length === 0 || subscription.kinds.includes(kind)),
    );
  }

  async secretOf(subscriptionId: string): Promise<string | null> {
    return (await this.snapshot.get()).find((subscription) => subscription.id === subscriptionId)?.secret ?? null;
  }

  invalidate(): void {
    this.snapshot.invalidate();
  }
}
