import { Injectable } from '@nestjs/common';
import { Clock, maskPersonalText, Principal } from '@onestop/platform';
import { NotificationProblems } from '../problems';
import { DeliveriesStore, DeliveryRecord } from './deliveries.store';
import { DeliveryDispatcher } from './delivery-dispatcher';
import { DeliveriesQueryDto } from './dto/deliveries-query.dto';

/** Operators see where a notice went and how; the address masked and the text left out. */
function view(row: DeliveryRecord) {
  // provinceCode: whose version was used, the province's own or (null) the national default.
  const template =
    row.templateVersion === null
      ? null
      : {
          id: `${row.kind}/${row.channel}/${row.locale}`,
          version: row.templateVersion,
          provinceCode: row.templateProvinceCode,
        };
  return {
    id: row.id,
    eventId: row.eventId,
    kind: row.kind,
    channel: row.channel,
    locale: row.locale,
    template,
    recipient: row.recipient,
    address: row.channel === 'webhook' ? row.address : maskPersonalText(row.address),
    critical: row.critical,
    dossierCode: row.dossierCode,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt,
    provider: row.provider,
    providerReference: row.providerReference,
    lastError: row.lastError,
    createdAt: row.createdAt,
    sendingAt: row.sendingAt,
    deliveredAt: row.deliveredAt,
    failedAt: row.failedAt,
    giveUpAt: row.giveUpAt,
  };
}

/** Deliveries are the province's: a token without one sees none. */
function provinceOf(principal: Principal): string {
  if (!principal.provinceCode) throw NotificationProblems.noProvince('deliveries');
  return principal.provinceCode;
}

/** Delivery status for the province's operators: one by id, pages by cursor, a retry by hand. */
@Injectable()
export class DeliveriesService {
  constructor(
    private readonly store: DeliveriesStore,
    private readonly dispatcher: DeliveryDispatcher,
    private readonly clock: Clock,
  ) {}

  async page(principal: Principal, query: DeliveriesQueryDto) {
    const limit = query.limit ?? 50;
    const filter = {
      dossierCode: query.dossierCode ?? null,
      state: query.state ?? null,
      channel: query.channel ?? null,
      cursor: query.cursor ?? null,
    };
    const rows = await this.store.page(provinceOf(principal), filter, limit + 1);
    const page = rows.slice(0, limit);
    return { items: page.map(view), nextCursor: rows.length > limit ? page[page.length - 1].id : null };
  }

  async one(principal: Principal, id: string) {
    const found = await this.store.one(provinceOf(principal), id);
    if (!found) throw NotificationProblems.deliveryNotFound(id);
    return view(found);
  }

  /** Sends a failed delivery again; the dispatcher looks at once. */
  async retry(principal: Principal, id: string) {
    const provinceCode = provinceOf(principal);
    const retried = await this.store.retry(provinceCode, id, this.clock.now());
    if (!retried) {
      const found = await this.store.one(provinceCode, id);
      if (!found) throw NotificationProblems.deliveryNotFound(id);
      throw NotificationProblems.deliveryNotFailed(id, found.state);
    }
    this.dispatcher.wake();
    return view(retried);
  }
}
