import { Injectable } from '@nestjs/common';
import { Clock, invalidRequest, Principal, unprocessableRequest } from '@onestop/platform';
import { AdministrativeUnits } from '@onestop/reference-data';
import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { NotificationEnv } from '../notification.env';
import { NotificationProblems } from '../problems';
import { WebhookSubscriptionDto } from './dto/webhook-subscription.dto';
import { checkWebhookUrl } from './webhook-destination';
import { WebhookSubscriptions } from './webhook-subscriptions';
import { SubscriptionView, WebhookSubscriptionsStore } from './webhook-subscriptions.store';

/** Subscriptions are the province's: a token without one has none. */
function provinceOf(principal: Principal): string {
  if (!principal.provinceCode) throw NotificationProblems.noProvince('webhook subscriptions');
  return principal.provinceCode;
}

/**
 * The province a tenant belongs to: the province itself, a unit of the directory (commune,
 * department), or a service point `<commune>.<point>` that intake registered after this copy of the
 * directory was loaded. Null for a code that is none of these.
 */
export async function provinceOfTenant(
  units: Pick<AdministrativeUnits, 'find'>,
  tenantCode: string,
): Promise<string | null> {
  const unit = await units.find(tenantCode);
  if (unit) return unit.kind === 'province' ? unit.code : unit.provinceCode;
  const dot = tenantCode.lastIndexOf('.');
  const parent = dot > 0 ? await units.find(tenantCode.slice(0, dot)) : null;
  return parent?.kind === 'commune' ? parent.provinceCode : null;
}

/** The province's and communes' systems subscribe to notices; each gets its own signing secret. */
@Injectable()
export class WebhooksService {
  constructor(
    private readonly store: WebhookSubscriptionsStore,
    private readonly subscriptions: WebhookSubscriptions,
    private readonly units: AdministrativeUnits,
    private readonly env: NotificationEnv,
    private readonly clock: Clock,
  ) {}

  /** The new subscription with its secret, which is shown this once. */
  async subscribe(principal: Principal, body: WebhookSubscriptionDto): Promise<SubscriptionView & { secret: string }> {
    const provinceCode = provinceOf(principal);
    const tenantProvince = await provinceOfTenant(this.units, body.tenantCode);
    if (tenantProvince === null)
      throw unprocessableRequest([
        { field: 'tenantCode', code: 'unknownReference', message: 'is neither a province nor a unit of one' },
      ]);
    if (tenantProvince !== provinceCode)
      throw NotificationProblems.tenantOutsideProvince(body.tenantCode, provinceCode);
    const destination = checkWebhookUrl(body.url, this.env.webhookPolicy);
    if (!destination.ok) throw invalidRequest([{ field: 'url', code: 'unsafeUrl', message: destination.problem }]);
    const secret = randomBytes(32).toString('base64url');
    const added = await this.store.add({
      id: uuidv7(),
      provinceCode,
      tenantCode: body.tenantCode,
      // The URL as parsed and checked (127.1 reads 127.0.0.1): what is stored is what was judged.
      url: destination.url.href,
      secret,
      kinds: body.kinds ?? [],
      createdBy: principal.subject,
      createdAt: this.clock.now(),
    });
    this.subscriptions.invalidate();
    return { ...added, secret };
  }

  async list(principal: Principal): Promise<{ items: SubscriptionView[] }> {
    return { items: await this.store.ofProvince(provinceOf(principal)) };
  }

  async unsubscribe(principal: Principal, id: string): Promise<void> {
    if (!(await this.store.deactivate(provinceOf(principal), id)))
      throw NotificationProblems.webhookSubscriptionNotFound(id);
    this.subscriptions.invalidate();
  }
}
