import { ManualClock, Principal, ProblemException } from '@onestop/platform';
import { DeliveriesService } from './deliveries.service';
import { DeliveriesStore, DeliveryFilter, DeliveryRecord } from './deliveries.store';
import { DeliveryDispatcher } from './delivery-dispatcher';

/** The deliveries table of one test, in memory: what the service asks of its store. */
class InMemoryDeliveries {
  readonly rows: (DeliveryRecord & { provinceCode: string })[] = [];

  async page(provinceCode: string, filter: DeliveryFilter, limit: number): Promise<DeliveryRecord[]> {
    return this.rows
      .filter((row) => row.provinceCode === provinceCode && (filter.cursor === null || row.id < filter.cursor))
      .sort((a, b) => b.id.localeCompare(a.id))
      .slice(0, limit);
  }

  async one(provinceCode: string, id: string): Promise<DeliveryRecord | null> {
    return this.rows.find((row) => row.id === id && row.provinceCode === provinceCode) ?? null;
  }

  async retry(provinceCode: string, id: string, now: Date): Promise<DeliveryRecord | null> {
    const row = this.rows.find((candidate) => candidate.id === id && candidate.provinceCode === provinceCode);
    if (!row || !['permanent-failure', 'technical-failure'].includes(row.state)) return null;
    Object.assign(row, { state: 'created', nextAttemptAt: now, failedAt: null });
    return row;
  }
}

const delivery = (id: string, changes: Partial<DeliveryRecord> = {}): DeliveryRecord & { provinceCode: string } => ({
  id,
  provinceCode: '46',
  eventId: '0193a000-0000-7000-8000-00000000e001',
  kind: 'dossier-received',
  channel: 'sms',
  locale: 'vi',
  templateVersion: 2,
  templateProvinceCode: '46',
  recipient: 'applicant',
  address: '0912345678',
  critical: false,
  dossierCode: '19753-261124-0001',
  state: 'delivered',
  attempts: 1,
  nextAttemptAt: new Date('2026-11-24T02:00:00Z'),
  provider: 'gateway',
  providerReference: 'ref-1',
  lastError: null,
  createdAt: new Date('2026-11-24T02:00:00Z'),
  sendingAt: new Date('2026-11-24T02:00:01Z'),
  deliveredAt: new Date('2026-11-24T02:00:02Z'),
  failedAt: null,
  giveUpAt: new Date('2026-11-25T02:00:00Z'),
  ...changes,
});

describe('deliveries for operators', () => {
  const admin = { subject: 'admin', provinceCode: '46' } as Principal;
  let store: InMemoryDeliveries;
  let wakes: number;
  let service: DeliveriesService;

  beforeEach(() => {
    store = new InMemoryDeliveries();
    wakes = 0;
    const dispatcher = { wake: () => wakes++ } as unknown as DeliveryDispatcher;
    service = new DeliveriesService(
      store as unknown as DeliveriesStore,
      dispatcher,
      new ManualClock(new Date('2026-11-26T02:00:00Z')),
    );
  });

  it('shows the template used and the address masked, a webhook URL as it is', async () => {
    store.rows.push(
      delivery('0193a000-0000-7000-8000-000000000001'),
      delivery('0193a000-0000-7000-8000-000000000002', {
        channel: 'webhook',
        address: 'https://hooks.example.vn/x',
        templateVersion: null,
      }),
    );
    const sms = await service.one(admin, '0193a000-0000-7000-8000-000000000001');
    expect(sms).toMatchObject({
      template: { id: 'dossier-received/sms/vi', version: 2, provinceCode: '46' },
      locale: 'vi',
    });
    expect(sms.address).not.toBe('0912345678');
    expect(await service.one(admin, '0193a000-0000-7000-8000-000000000002')).toMatchObject({
      template: null,
      address: 'https://hooks.example.vn/x',
    });
  });

  it('pages newest first, with the cursor of the next page until the last', async () => {
    for (const n of [1, 2, 3]) store.rows.push(delivery(`0193a000-0000-7000-8000-00000000000${n}`));
    const first = await service.page(admin, { limit: 2 });
    expect(first.items.map((item) => item.id.slice(-1))).toEqual(['3', '2']);
    const last = await service.page(admin, { limit: 2, cursor: first.nextCursor! });
    expect({ ids: last.items.map((item) => item.id.slice(-1)), nextCursor: last.nextCursor }).toEqual({
      ids: ['1'],
      nextCursor: null,
    });
  });

  it('sends a failed delivery again and wakes the dispatcher; refuses one that did not fail, and one of another province', async () => {
    store.rows.push(
      delivery('0193a000-0000-7000-8000-000000000001', { state: 'permanent-failure', failedAt: new Date() }),
      delivery('0193a000-0000-7000-8000-000000000002'),
    );
    await expect(service.retry(admin, '0193a000-0000-7000-8000-000000000001')).resolves.toMatchObject({
      state: 'created',
      failedAt: null,
    });
    expect(wakes).toBe(1);
    await expect(service.retry(admin, '0193a000-0000-7000-8000-000000000002')).rejects.toMatchObject({
      status: 409,
      response: expect.objectContaining({ detail: expect.stringMatching(/is delivered/) }),
    });
    await expect(
      service.retry({ subject: 'hanoi', provinceCode: '01' } as Principal, '0193a000-0000-7000-8000-000000000001'),
    ).rejects.toMatchObject({ status: 404 });
    expect(wakes).toBe(1);
  });

  it('shows nothing to a token without a province', async () => {
    await expect(service.page({ subject: 'someone' } as Principal, {})).rejects.toBeInstanceOf(ProblemException);
  });
});
