import { EventEnvelope } from '@onestop/contracts';
import { OutboxWriter } from '@onestop/messaging';
import { ManualClock } from '@onestop/platform';
import { DataSource, EntityManager } from 'typeorm';
import { NotificationEnv } from '../notification.env';
import { DeliveriesStore } from './deliveries.store';
import { ProviderReportsService } from './provider-reports.service';
import { reportSignature } from './report-signature';
import { FailedDelivery } from './undeliverable';

const SECRET = 'gateway-callback-secret-0123456789';

/** Deliveries sent through gateways, in memory, and the reports applied to them. */
class InMemoryReports {
  readonly waiting = new Map<string, FailedDelivery & { attempts: number; state: string }>();
  readonly sent = new Set<string>();

  async applyReport(_tx: EntityManager, report: { provider: string; reference: string; delivered: boolean }) {
    const key = `${report.provider}/${report.reference}`;
    const delivery = this.waiting.get(key);
    if (!delivery || delivery.state !== 'sending') return null;
    delivery.state = report.delivered ? 'delivered' : 'permanent-failure';
    return delivery;
  }

  async sentThrough(provider: string, reference: string) {
    return this.sent.has(`${provider}/${reference}`);
  }

  waitFor(provider: string, reference: string) {
    this.sent.add(`${provider}/${reference}`);
    this.waiting.set(`${provider}/${reference}`, {
      id: `delivery-${reference}`,
      eventId: '0193a000-0000-7000-8000-00000000e001',
      kind: 'dossier-received',
      channel: 'sms',
      critical: true,
      dossierId: '0193a000-0000-7000-8000-00000000d001',
      dossierCode: '19753-261124-0001',
      attempts: 1,
      state: 'sending',
    });
  }
}

describe("gateways' delivery reports", () => {
  let deliveries: InMemoryReports;
  let deadLetters: EventEnvelope[];
  let reports: ProviderReportsService;
  const signed = (reference: string, status: 'delivered' | 'failed') =>
    reportSignature(SECRET, 'gateway', { reference, status });

  beforeEach(() => {
    deliveries = new InMemoryReports();
    deadLetters = [];
    const dataSource = {
      transaction: (work: (tx: EntityManager) => Promise<unknown>) => work({} as EntityManager),
    } as unknown as DataSource;
    const outbox = {
      append: async (_tx: EntityManager, events: EventEnvelope[]) => void deadLetters.push(...events),
    } as unknown as OutboxWriter;
    reports = new ProviderReportsService(
      dataSource,
      deliveries as unknown as DeliveriesStore,
      outbox,
      { callbackSecret: SECRET } as NotificationEnv,
      new ManualClock(new Date('2026-11-24T02:00:00Z')),
    );
  });

  it('refuses a report whose signature does not match, changing nothing', async () => {
    deliveries.waitFor('gateway', 'ref-1');
    await expect(
      reports.record('gateway', { reference: 'ref-1', status: 'delivered' }, signed('ref-1', 'failed')),
    ).rejects.toMatchObject({ status: 401 });
    await expect(
      reports.record('gateway', { reference: 'ref-1', status: 'delivered' }, undefined),
    ).rejects.toMatchObject({ status: 401 });
    expect(deliveries.waiting.get('gateway/ref-1')?.state).toBe('sending');
  });

  it('records a failure once, with one dead letter; a repeated report changes nothing', async () => {
    deliveries.waitFor('gateway', 'ref-2');
    const report = { reference: 'ref-2', status: 'failed' as const, reason: 'handset unreachable' };
    await reports.record('gateway', report, signed('ref-2', 'failed'));
    await reports.record('gateway', report, signed('ref-2', 'failed'));
    expect(
      deadLetters.map((event) => ({ type: event.type, reason: (event.payload as { reason: string }).reason })),
    ).toEqual([{ type: 'NotificationUndeliverable', reason: 'the gateway reported: handset unreachable' }]);
  });

  it('records a delivery without a dead letter', async () => {
    deliveries.waitFor('gateway', 'ref-3');
    await reports.record('gateway', { reference: 'ref-3', status: 'delivered' }, signed('ref-3', 'delivered'));
    expect({ state: deliveries.waiting.get('gateway/ref-3')?.state, deadLetters }).toEqual({
      state: 'delivered',
      deadLetters: [],
    });
  });

  it('answers 404 for a reference the gateway was never given', async () => {
    await expect(
      reports.record('gateway', { reference: 'ref-unknown', status: 'delivered' }, signed('ref-unknown', 'delivered')),
    ).rejects.toMatchObject({ status: 404 });
  });
});
