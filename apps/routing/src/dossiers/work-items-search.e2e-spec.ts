import { PlatformEnv } from '@onestop/platform';
import { dossierReceivedEvent, ServiceUnderTest, startServiceWithDatabase, tokenFor } from '@onestop/testing';
import request from 'supertest';
import { routingSchema } from '../database/schema';
import { routingService } from '../service';
import { DossierRoutingService } from './dossier-routing.service';

const PHU_XUAN = '19753';
const THUY_XUAN = '19813';
/** A service point of Phú Xuân's desk: its codes carry letters. */
const PHU_XUAN_POINT = '19753.BD1';

interface WorkItem {
  id: string;
  code: string;
  status: number;
  unitCode: string;
  receivingUnitCode: string;
  dueAt: string | null;
  allowedActions: string[];
  version: number;
}

interface WorkItemsPage {
  items: WorkItem[];
  nextCursor: string | null;
}

/** Who received it, who processes it, and its code: what the lists below are told apart by. */
interface Seeded {
  id: string;
  code: string;
  receivingUnitCode: string;
  unitCode: string;
}

/**
 * A desk finds a dossier by the code the applicant reads out, and sees what was received at its
 * counter wherever it is processed: the supplements to take in, the results to hand over.
 */
describe('work queue search and the receiving desk', () => {
  let running: ServiceUnderTest<PlatformEnv>;
  const seeded: Seeded[] = [];
  const tokens: Record<string, string> = {};

  const list = (token: string, query: Record<string, string | number>) =>
    request(running.url).get('/api/v1/work-items').query(query).auth(token, { type: 'bearer' });

  /** Every page of a list, following nextCursor with the same filters. */
  async function everyPage(token: string, query: Record<string, string | number>): Promise<WorkItemsPage[]> {
    const pages: WorkItemsPage[] = [];
    let cursor: string | null = null;
    do {
      const body = (await list(token, cursor ? { ...query, cursor } : query).expect(200)).body as WorkItemsPage;
      pages.push(body);
      cursor = body.nextCursor;
    } while (cursor && pages.length < 50);
    return pages;
  }
  const allItems = async (token: string, query: Record<string, string | number>) =>
    (await everyPage(token, query)).flatMap((page) => page.items);
  const idsOf = (items: { id: string }[]) => items.map((item) => item.id).sort();
  const seededIds = (match: (dossier: Seeded) => boolean) => idsOf(seeded.filter(match));

  const firstNumbers = (count: number) => Array.from({ length: count }, (_, index) => index + 1);

  async function receive(
    numbers: number[],
    options: { receivingUnitCode: string; subjectCommuneCode: string; day: string },
  ) {
    const routing = running.app.get(DossierRoutingService);
    for (const n of numbers) {
      const code = `${options.receivingUnitCode}-${options.day}-${String(n).padStart(4, '0')}`;
      // Three dossiers a minute: equal due dates, told apart by id.
      const at = new Date(Date.UTC(2026, 10, 24, 1, seeded.length % 40));
      const event = dossierReceivedEvent({
        unitCode: options.receivingUnitCode,
        subjectCommuneCode: options.subjectCommuneCode,
        code,
        at,
      });
      await running.database.dataSource.transaction((tx) => routing.route(event, tx));
      const [row] = await running.database.dataSource.query('SELECT unit_code FROM routed_dossiers WHERE id = $1', [
        event.payload.dossierId,
      ]);
      seeded.push({
        id: event.payload.dossierId,
        code,
        receivingUnitCode: options.receivingUnitCode,
        unitCode: row.unit_code,
      });
    }
  }

  /** Results ready at the desk (9): decided and signed, as the signature's answer leaves them. */
  async function markDone(dossiers: Seeded[]) {
    await running.database.dataSource.query(
      `UPDATE routed_dossiers SET state = 'done', status = 9, outcome = 'approved', version = version + 1 WHERE id = ANY ($1::uuid[])`,
      [dossiers.map((dossier) => dossier.id)],
    );
  }

  beforeAll(async () => {
    running = await startServiceWithDatabase(routingService, routingSchema, { KAFKA_CONSUMER_START: 'latest' });
    tokens.phuXuanDesk = await tokenFor('desk-officer', PHU_XUAN, '46', 'desk-phu-xuan');
    tokens.thuyXuanDesk = await tokenFor('desk-officer', THUY_XUAN, '46', 'desk-thuy-xuan');
    tokens.phuXuanSpecialist = await tokenFor('specialist', PHU_XUAN, '46', 'specialist-phu-xuan');
    tokens.thuyXuanSpecialist = await tokenFor('specialist', THUY_XUAN, '46', 'specialist-thuy-xuan');
    tokens.thuyXuanLeader = await tokenFor('unit-leader', THUY_XUAN, '46', 'leader-thuy-xuan');
    tokens.provinceLeader = await tokenFor('province-leader', undefined, '46', 'leader-46');

    await receive(firstNumbers(60), { receivingUnitCode: PHU_XUAN, subjectCommuneCode: PHU_XUAN, day: '261124' });
    // A busy day's thousandth dossier, and the ten-thousand-and-first whose code begins with it.
    await receive([1000, 10001], { receivingUnitCode: PHU_XUAN, subjectCommuneCode: PHU_XUAN, day: '261124' });
    // Filed at Phú Xuân's counter by applicants of Thủy Xuân: Thủy Xuân processes them.
    await receive(firstNumbers(30), { receivingUnitCode: PHU_XUAN, subjectCommuneCode: THUY_XUAN, day: '261125' });
    await receive(firstNumbers(15), { receivingUnitCode: THUY_XUAN, subjectCommuneCode: THUY_XUAN, day: '261201' });
    await receive(firstNumbers(15), { receivingUnitCode: THUY_XUAN, subjectCommuneCode: THUY_XUAN, day: '261202' });
    await receive(firstNumbers(5), { receivingUnitCode: PHU_XUAN_POINT, subjectCommuneCode: PHU_XUAN, day: '261124' });

    const filedHereForThuyXuan = seeded.filter((dossier) => dossier.code.startsWith(`${PHU_XUAN}-261125`));
    await markDone([
      ...seeded.filter((dossier) => dossier.code.startsWith(`${PHU_XUAN}-261124`)).slice(0, 4),
      ...filedHereForThuyXuan.slice(0, 8),
    ]);
    await markDone(seeded.filter((dossier) => dossier.code.startsWith(`${THUY_XUAN}-261201`)).slice(0, 5));

    // Thủy Xuân asks for a supplement on three dossiers Phú Xuân's desk received.
    for (const dossier of filedHereForThuyXuan.slice(10, 13)) {
      const act = (body: object, version: number) =>
        request(running.url)
          .post(`/api/v1/dossiers/${dossier.id}/actions`)
          .auth(tokens.thuyXuanSpecialist, { type: 'bearer' })
          .send({ ...body, version })
          .expect(200);
      await act({ action: 'accept' }, 1);
      await act({ action: 'request-supplement', reason: 'Thiếu bản sao giấy chứng nhận quyền sử dụng đất' }, 2);
    }
  }, 180_000);

  afterAll(async () => {
    await running?.close();
  }, 30_000);

  describe('by dossier code', () => {
    it('finds the codes a prefix starts, in any case, within the caller’s queue only, and pages through them', async () => {
      const pages = await everyPage(tokens.thuyXuanSpecialist, { code: '19813-2612', limit: 7 });
      expect(pages.map((page) => page.items.length)).toEqual([7, 7, 7, 7, 2]);
      const items = pages.flatMap((page) => page.items);
      expect(idsOf(items)).toEqual(seededIds((dossier) => dossier.code.startsWith('19813-2612')));
      expect(new Set(items.map((item) => item.id)).size).toBe(30);
      const keys = items.map((item) => `${item.dueAt ?? '~'} ${item.id}`);
      expect(keys).toEqual([...keys].sort());

      expect(idsOf(await allItems(tokens.thuyXuanSpecialist, { code: '19813-261201' }))).toEqual(
        seededIds((dossier) => dossier.code.startsWith('19813-261201')),
      );
      // Codes of a service point carry letters: typed in lower case, they are found all the same.
      expect(idsOf(await allItems(tokens.phuXuanSpecialist, { code: '19753.bd1-26' }))).toEqual(
        seededIds((dossier) => dossier.receivingUnitCode === PHU_XUAN_POINT),
      );
      // Received at Phú Xuân but processed at Thủy Xuân: in Thủy Xuân's queue, not in Phú Xuân's.
      expect(await allItems(tokens.phuXuanSpecialist, { code: '19753-261125' })).toEqual([]);
      expect(await allItems(tokens.thuyXuanSpecialist, { code: '19753-261125' })).toHaveLength(30);
      expect(await allItems(tokens.thuyXuanSpecialist, { code: '19753-261124' })).toEqual([]);
    });

    it('finds one dossier by its whole code, not the longer codes it begins', async () => {
      const [one] = seeded.filter((dossier) => dossier.code === '19753-261124-0007');
      const found = await allItems(tokens.phuXuanDesk, { code: '19753-261124-0007' });
      expect(found.map((item) => item.code)).toEqual(['19753-261124-0007']);
      expect(found[0]!.id).toBe(one!.id);
      expect(
        (await allItems(tokens.phuXuanSpecialist, { code: '19753-261124-1000' })).map((item) => item.code),
      ).toEqual(['19753-261124-1000']);
      expect(
        (await allItems(tokens.phuXuanSpecialist, { code: '19753-261124-100' })).map((item) => item.code).sort(),
      ).toEqual(['19753-261124-1000', '19753-261124-10001']);
      expect(
        (await allItems(tokens.phuXuanSpecialist, { code: '19753.bd1-261124-0003' })).map((item) => item.code),
      ).toEqual(['19753.BD1-261124-0003']);
      // 19753-261124-000 is no whole code: it starts 0001 to 0009.
      expect(await allItems(tokens.phuXuanSpecialist, { code: '19753-261124-000' })).toHaveLength(9);
    });

    it('combines the code with the other filters', async () => {
      const done = await allItems(tokens.thuyXuanSpecialist, { code: '19813-2612', status: 9 });
      expect(idsOf(done)).toEqual(
        idsOf(seeded.filter((dossier) => dossier.code.startsWith('19813-261201')).slice(0, 5)),
      );
      expect(done.every((item) => item.status === 9)).toBe(true);
    });
  });

  describe('view=received', () => {
    it("shows Phú Xuân's desk the results of every dossier received there, whichever unit processed them", async () => {
      const results = await allItems(tokens.phuXuanDesk, { view: 'received', status: 9 });
      expect(results).toHaveLength(12);
      expect(results.every((item) => item.status === 9 && item.receivingUnitCode === PHU_XUAN)).toBe(true);
      expect(new Set(results.map((item) => item.unitCode))).toEqual(new Set([PHU_XUAN, THUY_XUAN]));
      expect(results.every((item) => item.allowedActions.includes('return-result'))).toBe(true);
      // Thủy Xuân's desk hands over what was received at Thủy Xuân, not what it processed for Phú Xuân's counter.
      const thuyXuan = await allItems(tokens.thuyXuanDesk, { view: 'received', status: 9 });
      expect(idsOf(thuyXuan)).toEqual(
        idsOf(seeded.filter((dossier) => dossier.code.startsWith('19813-261201')).slice(0, 5)),
      );
    });

    it('shows the desk the supplements it must take in, asked for by another unit', async () => {
      const supplements = await allItems(tokens.phuXuanDesk, { view: 'received', status: 5 });
      expect(supplements.map((item) => [item.unitCode, item.status])).toEqual([
        [THUY_XUAN, 5],
        [THUY_XUAN, 5],
        [THUY_XUAN, 5],
      ]);
      expect(supplements.every((item) => item.allowedActions.includes('supplement-received'))).toBe(true);
      expect(await allItems(tokens.thuyXuanDesk, { view: 'received', status: 5 })).toEqual([]);
    });

    it("leaves a desk's own list without view as its unit's processing queue", async () => {
      const queue = await allItems(tokens.phuXuanDesk, { status: 9 });
      expect(queue).toHaveLength(4);
      expect(queue.every((item) => item.unitCode === PHU_XUAN)).toBe(true);
    });

    it('pages through everything received at the desk: every dossier once, in order', async () => {
      const pages = await everyPage(tokens.phuXuanDesk, { view: 'received', limit: 9 });
      expect(pages.map((page) => page.items.length)).toEqual([...Array(10).fill(9), 2]);
      const items = pages.flatMap((page) => page.items);
      expect(items).toHaveLength(92);
      expect(idsOf(items)).toEqual(seededIds((dossier) => dossier.receivingUnitCode === PHU_XUAN));
      const keys = items.map((item) => `${item.dueAt ?? '~'} ${item.id}`);
      expect(keys).toEqual([...keys].sort());
      // And the province sees all of it, each once.
      const province = await allItems(tokens.provinceLeader, { limit: 50 });
      expect(idsOf(province)).toEqual(idsOf(seeded));
    });

    it('hands a listed result over from the desk, and then it has left the results to hand over', async () => {
      const [result] = await allItems(tokens.phuXuanDesk, { view: 'received', status: 9, code: '19753-261125' });
      expect(result!.unitCode).toBe(THUY_XUAN);
      await request(running.url)
        .post(`/api/v1/dossiers/${result!.id}/actions`)
        .auth(tokens.phuXuanDesk, { type: 'bearer' })
        .send({ action: 'return-result', version: result!.version, resultChannel: 'counter' })
        .expect(200);
      const after = await allItems(tokens.phuXuanDesk, { view: 'received', status: 9 });
      expect(after).toHaveLength(11);
      expect(after.map((item) => item.id)).not.toContain(result!.id);
    });

    it.each([
      ['a specialist', 'phuXuanSpecialist'],
      ['a unit leader', 'thuyXuanLeader'],
      ['a province leader', 'provinceLeader'],
    ])('refuses it to %s with 403 naming view', async (_who, token) => {
      const response = await list(tokens[token]!, { view: 'received' }).expect(403);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.errors).toEqual([expect.objectContaining({ field: 'view' })]);
    });

    it('shows a desk claiming its unit under another province nothing', async () => {
      const mismatched = await tokenFor('desk-officer', PHU_XUAN, '01', 'desk-mismatch');
      expect((await list(mismatched, { view: 'received' }).expect(200)).body.items).toEqual([]);
    });
  });

  it.each([
    ['code', { code: '19753' }],
    ['code', { code: '19753-26%' }],
    ['code', { code: '19753_261124' }],
    ['code', { code: `19753-${'1'.repeat(40)}` }],
    ['code', { code: ['19753-2611', '19813-2612'] }],
    ['view', { view: 'mine' }],
    ['view', { view: 'RECEIVED' }],
    ['status', { view: 'received', status: 0 }],
    ['limit', { code: '19753-2611', limit: 500 }],
  ])('refuses a bad %s with 400 problem+json naming it', async (field, query) => {
    const response = await request(running.url)
      .get('/api/v1/work-items')
      .query(query)
      .auth(tokens.phuXuanDesk!, { type: 'bearer' })
      .expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(new Set(response.body.errors.map((error: { field: string }) => error.field))).toEqual(new Set([field]));
  });
});
