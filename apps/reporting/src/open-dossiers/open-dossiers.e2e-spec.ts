import { TOPICS } from '@onestop/contracts';
import { ManualClock, PlatformEnv } from '@onestop/platform';
import {
  publishEvents,
  ServiceUnderTest,
  startServiceWithDatabase,
  testKafkaBrokers,
  tokenFor,
  waitFor,
} from '@onestop/testing';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { reportingSchema } from '../database/schema';
import { reportingService } from '../service';
import { BIRTH, received, resolved, routed, statusChanged } from '../test/dossier-events';

/** Own commune codes, so another suite's events on the shared topics never land in these rows. */
const C = `C${randomBytes(3).toString('hex').toUpperCase()}`;
const D = `D${randomBytes(3).toString('hex').toUpperCase()}`;

// The lists are judged on Thursday 26 November 2026 at 10:00 in Huế (UTC+7): one working day on,
// Friday 10:00 (03:00Z), ends the due-soon window.
const NOW = new Date('2026-11-26T03:00:00Z');
const late1 = received(C, '2026-11-17T02:00:00Z', 'counter'); // accepted, due the 19th
const late2 = received(C, '2026-11-20T03:00:00Z', 'online'); // due the 23rd
const late3 = received(C, '2026-11-20T02:00:00Z', 'counter', BIRTH); // due the 25th
const dueSoon = received(C, '2026-11-20T04:00:00Z', 'counter'); // due Thursday 16:00 local
const later = received(C, '2026-11-20T05:00:00Z', 'counter'); // due 10 December
const done = received(C, '2026-11-18T02:00:00Z', 'counter'); // resolved late: no longer open
const elsewhere = received(D, '2026-11-18T02:00:00Z', 'counter'); // late, at D
const processing = [
  routed(late1, C, '2026-11-17T02:30:00Z', '2026-11-19T02:00:00Z', 'officer-7'),
  statusChanged(late1, C, '2026-11-17T03:00:00Z', '2026-11-19T02:00:00Z', { from: 2, to: 4, action: 'accept' }),
  routed(late2, C, '2026-11-20T03:30:00Z', '2026-11-23T02:00:00Z'),
  routed(late3, C, '2026-11-20T02:30:00Z', '2026-11-25T02:00:00Z', null),
  routed(dueSoon, C, '2026-11-20T04:30:00Z', '2026-11-26T09:00:00Z'),
  routed(later, C, '2026-11-20T05:30:00Z', '2026-12-10T02:00:00Z'),
  routed(done, C, '2026-11-18T02:30:00Z', '2026-11-20T02:00:00Z'),
  resolved(done, C, '2026-11-24T02:00:00Z', '2026-11-20T02:00:00Z'),
  routed(elsewhere, D, '2026-11-18T02:30:00Z', '2026-11-20T02:00:00Z'),
];
const receipts = [late1, late2, late3, dueSoon, later, done, elsewhere];

const ITEM_FIELDS = [
  'assigneeId',
  'code',
  'dossierId',
  'dueAt',
  'lastAction',
  'overdueWorkingHours',
  'procedureCode',
  'receivedAt',
  'state',
  'status',
  'unitCode',
];

describe("leaders' drill-down to a unit's late and due-soon dossiers", () => {
  jest.setTimeout(90_000);
  let reporting: ServiceUnderTest<PlatformEnv>;
  let producer: Producer;
  const tokens = { leaderC: '', leaderD: '', province: '' };

  const get = (path: string, token: string) => request(reporting.url).get(path).auth(token, { type: 'bearer' });
  const list = async (query: string, token = tokens.province) =>
    (await get(`/api/v1/indicators/dossiers?${query}`, token).expect(200)).body;
  const codes = (page: { items: Array<{ code: string }> }) => page.items.map((item) => item.code);
  const factCount = async (condition: string) =>
    Number(
      (
        await reporting.database.dataSource.query(
          `SELECT count(*) AS n FROM dossier_facts WHERE receiving_unit_code = ANY($1) AND ${condition}`,
          [[C, D]],
        )
      )[0].n,
    );

  beforeAll(async () => {
    reporting = await startServiceWithDatabase(
      reportingService,
      reportingSchema,
      { KAFKA_CONSUMER_START: 'latest' },
      { clock: new ManualClock(NOW) },
    );
    producer = new Kafka({
      clientId: 'reporting-open-dossiers-e2e',
      brokers: testKafkaBrokers(),
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
    tokens.leaderC = await tokenFor('unit-leader', C, '46', `leader-${C}`);
    tokens.leaderD = await tokenFor('unit-leader', D, '46', `leader-${D}`);
    tokens.province = await tokenFor('province-leader', undefined, '46', 'province-leader-46');
    await publishEvents(producer, TOPICS.dossier, receipts);
    await waitFor(async () => (await factCount('true')) === receipts.length, 30_000, 'the receipts');
    await publishEvents(producer, TOPICS.dossier, processing);
    await waitFor(
      async () =>
        (await factCount('last_event_at > received_at')) === receipts.length &&
        (await factCount('finished_at IS NOT NULL')) === 1,
      30_000,
      'the routings and the result',
    );
    await waitFor(async () => (await factCount(`last_action = 'accept'`)) === 1, 30_000, 'the acceptance');
  }, 90_000);

  afterAll(async () => {
    await producer?.disconnect();
    await reporting?.close();
  });

  it("lists a unit's open late dossiers, most overdue first, with step and holder and nothing about the applicant", async () => {
    const page = await list(`unit=${C}&state=late`);
    expect(codes(page)).toEqual([late1, late2, late3].map((dossier) => dossier.payload.code));
    expect(page).toMatchObject({ nextCursor: null, asOf: NOW.toISOString(), dataAsOf: expect.any(String) });
    const [first, , third] = page.items;
    expect(Object.keys(first).sort()).toEqual(ITEM_FIELDS);
    expect(first).toMatchObject({
      unitCode: C,
      procedureCode: 'HKD-DANGKY',
      status: 4,
      lastAction: 'accept',
      assigneeId: 'officer-7',
      state: 'late',
    });
    expect(first).toMatchObject({ receivedAt: '2026-11-17T02:00:00.000Z', dueAt: '2026-11-19T02:00:00.000Z' });
    expect(third).toMatchObject({ procedureCode: BIRTH, status: 2, lastAction: null, assigneeId: null });
    // Due Thursday 19th 09:00 local, judged Thursday 26th 10:00: five working days and an hour late.
    expect(first.overdueWorkingHours).toBe(41);
    expect(page.items.every((item: { overdueWorkingHours: number }) => item.overdueWorkingHours > 0)).toBe(true);
  });

  it('lists the dossiers due within the next working day, soonest first, with the working hours left', async () => {
    const page = await list(`unit=${C}&state=due-soon`, tokens.leaderC);
    expect(codes(page)).toEqual([dueSoon.payload.code]);
    // Due 16:00 local, judged at 10:00: 10:00–11:30 and 13:30–16:00, four working hours left.
    expect(page.items[0]).toMatchObject({ state: 'due-soon', overdueWorkingHours: -4 });
  });

  it('narrows to one procedure', async () => {
    expect(codes(await list(`unit=${C}&state=late&procedure=${BIRTH}`))).toEqual([late3.payload.code]);
  });

  it('pages with a cursor, each dossier once', async () => {
    const first = await list(`unit=${C}&state=late&limit=2`);
    expect(codes(first)).toEqual([late1, late2].map((dossier) => dossier.payload.code));
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await list(`unit=${C}&state=late&limit=2&cursor=${first.nextCursor}`);
    expect(codes(second)).toEqual([late3.payload.code]);
    expect(second.nextCursor).toBeNull();
  });

  it("keeps a unit leader to his own unit's dossiers", async () => {
    expect(codes(await list(`unit=${C}&state=late`, tokens.leaderC))).toHaveLength(3);
    const refused = await get(`/api/v1/indicators/dossiers?unit=${C}&state=late`, tokens.leaderD).expect(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(codes(await list(`unit=${D}&state=late`, tokens.leaderD))).toEqual([elsewhere.payload.code]);
    const otherProvince = await tokenFor('province-leader', undefined, '48', 'province-leader-48');
    expect(codes(await list(`unit=${C}&state=late`, otherProvince))).toEqual([]);
  });

  it('counts the late and due-soon dossiers of each unit, as many as the lists hold', async () => {
    const counted = (await get(`/api/v1/indicators/deadlines`, tokens.province).expect(200)).body;
    expect(counted).toMatchObject({ asOf: NOW.toISOString(), dataAsOf: expect.any(String) });
    const ours = counted.units.filter((unit: { unitCode: string }) => [C, D].includes(unit.unitCode));
    expect(ours).toEqual([
      { unitCode: C, late: 3, dueSoon: 1 },
      { unitCode: D, late: 1, dueSoon: 0 },
    ]);
    // A unit leader: his unit alone, named or not; another unit refused.
    expect((await get('/api/v1/indicators/deadlines', tokens.leaderC).expect(200)).body.units).toEqual([
      { unitCode: C, late: 3, dueSoon: 1 },
    ]);
    expect((await get(`/api/v1/indicators/deadlines?unit=${C}`, tokens.province).expect(200)).body.units).toEqual([
      { unitCode: C, late: 3, dueSoon: 1 },
    ]);
    await get(`/api/v1/indicators/deadlines?unit=${C}`, tokens.leaderD).expect(403);
    const malformed = await get('/api/v1/indicators/deadlines?unit=x', tokens.province).expect(400);
    expect(malformed.body.errors.map((error: { field: string }) => error.field)).toEqual(['unit']);
  });

  it.each([
    ['no unit', 'state=late', 'unit'],
    ['a malformed unit', 'unit=x&state=late', 'unit'],
    ['no state', `unit=${C}`, 'state'],
    ['an unknown state', `unit=${C}&state=overdue`, 'state'],
    ['a malformed procedure', `unit=${C}&state=late&procedure=bad code`, 'procedure'],
    ['a limit of 0', `unit=${C}&state=late&limit=0`, 'limit'],
    ['a limit over 200', `unit=${C}&state=late&limit=201`, 'limit'],
    ['a malformed cursor', `unit=${C}&state=late&cursor=not!a!cursor`, 'cursor'],
    [
      'a cursor no page gave',
      `unit=${C}&state=late&cursor=${Buffer.from('["x","y"]').toString('base64url')}`,
      'cursor',
    ],
  ])('refuses %s with a 400 naming the field', async (_case, query, field) => {
    const response = await get(`/api/v1/indicators/dossiers?${query}`, tokens.province).expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([field]);
    expect(response.body.errors[0]).toEqual(expect.objectContaining({ code: expect.any(String) }));
  });
});
