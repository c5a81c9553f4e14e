import { ManualClock, PlatformEnv, REDIS_CLIENT } from '@onestop/platform';
import { ServiceUnderTest, startServiceWithDatabase, tokenFor } from '@onestop/testing';
import { randomInt } from 'node:crypto';
import type { RedisClientType } from 'redis';
import request from 'supertest';
import { intakeSchema } from '../database/schema';
import { intakeService } from '../service';
import { QUEUE_TTL_SECONDS, queueKeys } from './queue-ticket';

const PHU_XUAN = '19753';
const KIM_LONG = '19774';
const THUY_XUAN = '19813';
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Queue tickets end to end against the real Redis. The clock starts on a random far-future day
 * and each test moves to the next one, so no test shares a day's queue with another test or run.
 */
describe('queue tickets', () => {
  let running: ServiceUnderTest<PlatformEnv>;
  // 09:00 in Huế (02:00 UTC) on a random day of years 2100-2899.
  const clock = new ManualClock(new Date(Date.UTC(2100 + randomInt(800), 0, 1, 2) + randomInt(365) * DAY_MS));

  // The centre's kiosk takes its numbers signed in as a desk officer of the unit.
  const kioskTokens = new Map<string, string>();
  const takeTicket = (unitCode: string, body: Record<string, unknown> = { channel: 'kiosk' }) => {
    const post = request(running.url).post(`/api/v1/receiving-units/${unitCode}/tickets`);
    return (body.channel === 'kiosk' ? post.auth(kioskTokens.get(unitCode)!, { type: 'bearer' }) : post).send(body);
  };
  const callNext = (unitCode: string, token: string, counter = 'Quầy 1') =>
    request(running.url)
      .post(`/api/v1/receiving-units/${unitCode}/calls`)
      .auth(token, { type: 'bearer' })
      .send({ counter });
  const queueOf = (unitCode: string) =>
    request(running.url).get(`/api/v1/receiving-units/${unitCode}/queue`).expect(200);

  beforeAll(async () => {
    // Addresses from X-Forwarded-For (the test is the proxy); a small online allowance per unit, so a test can use it up.
    running = await startServiceWithDatabase(
      intakeService,
      intakeSchema,
      { TRUST_PROXY: 'loopback', ONLINE_TICKETS_PER_ADDRESS: '2', ONLINE_TICKETS_PER_UNIT: '5' },
      { clock },
    );
    for (const unitCode of [PHU_XUAN, THUY_XUAN, KIM_LONG, '99999', '46'])
      kioskTokens.set(unitCode, await tokenFor('desk-officer', unitCode, '46', `kiosk-${unitCode}`));
  }, 60_000);

  afterAll(async () => {
    await running?.close();
  }, 30_000);

  beforeEach(() => clock.advance(DAY_MS));

  it('gives 100 concurrent requests the numbers 1 to 100 exactly', async () => {
    const responses = await Promise.all(Array.from({ length: 100 }, () => takeTicket(PHU_XUAN)));
    for (const response of responses) expect(response.status).toBe(201);
    const numbers = responses.map((response) => response.body.number as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 100 }, (_, index) => index + 1));
    const queue = await queueOf(PHU_XUAN);
    expect(queue.body).toMatchObject({
      issued: 100,
      waiting: { total: 100, byGroup: { standard: 100, elderly: 0 } },
      lastCalled: [],
    });
  }, 30_000);

  it('calls each of 30 waiting tickets once when 60 desk calls race, and reports the rest as queue-empty', async () => {
    for (let ticket = 0; ticket < 30; ticket += 1) await takeTicket(PHU_XUAN).expect(201);
    const desks = await Promise.all(
      Array.from({ length: 6 }, (_, desk) => tokenFor('desk-officer', PHU_XUAN, '46', `desk-officer-${desk}`)),
    );
    const responses = await Promise.all(
      Array.from({ length: 60 }, (_, call) => callNext(PHU_XUAN, desks[call % 6], `Quầy ${call % 6}`)),
    );

    const called = responses.filter((response) => response.status === 200);
    expect(called.map((response) => response.body.number as number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 30 }, (_, index) => index + 1),
    );
    const empty = responses.filter((response) => response.status === 404);
    expect(empty).toHaveLength(30);
    for (const response of empty) {
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.type).toMatch(/\/queue-empty$/);
    }

    const queue = await queueOf(PHU_XUAN);
    expect(queue.body.waiting.total).toBe(0);
    expect(queue.body.issued).toBe(30);
    expect(queue.body.lastCalled).toHaveLength(10);
  }, 30_000);

  it('calls priority groups before standard tickets, first come first served within each tier', async () => {
    const first = await takeTicket(PHU_XUAN, { channel: 'kiosk' }).expect(201);
    const second = await takeTicket(PHU_XUAN, {
      channel: 'online',
      priorityGroup: 'standard',
      procedureCode: '1.001234',
    }).expect(201);
    const elderly = await takeTicket(PHU_XUAN, { channel: 'kiosk', priorityGroup: 'elderly' }).expect(201);
    const pregnant = await takeTicket(PHU_XUAN, { channel: 'online', priorityGroup: 'pregnant' }).expect(201);

    expect(first.body).toMatchObject({
      unitCode: PHU_XUAN,
      number: 1,
      display: 'A-001',
      priorityGroup: 'standard',
      waitingAhead: 0,
    });
    expect(first.body.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(first.body.issuedAt).toBe(clock.now().toISOString());
    expect(second.body).toMatchObject({ number: 2, display: 'A-002', waitingAhead: 1 });
    expect(elderly.body).toMatchObject({ number: 3, display: 'U-003', priorityGroup: 'elderly', waitingAhead: 0 });
    expect(pregnant.body).toMatchObject({ number: 4, display: 'U-004', waitingAhead: 1 });

    // The two priority tickets now stand ahead of the first standard one.
    const waiting = await request(running.url).get(`/api/v1/receiving-units/${PHU_XUAN}/tickets/1`).expect(200);
    // No call yet today: five minutes for each of the two ahead.
    expect(waiting.body).toEqual({
      number: 1,
      display: 'A-001',
      status: 'waiting',
      waitingAhead: 2,
      estimatedWaitMinutes: 10,
    });
    const queue = await queueOf(PHU_XUAN);
    expect(queue.body.waiting).toEqual({
      total: 4,
      byGroup: {
        standard: 2,
        elderly: 1,
        disability: 0,
        pregnant: 1,
        'young-child': 0,
        veteran: 0,
        'ethnic-minority': 0,
      },
    });

    const desk = await tokenFor('desk-officer', PHU_XUAN);
    const order: string[] = [];
    for (let call = 0; call < 4; call += 1)
      order.push((await callNext(PHU_XUAN, desk, 'Quầy 2').expect(200)).body.display);
    expect(order).toEqual(['U-003', 'U-004', 'A-001', 'A-002']);

    const called = await request(running.url).get(`/api/v1/receiving-units/${PHU_XUAN}/tickets/2`).expect(200);
    expect(called.body).toEqual({
      number: 2,
      display: 'A-002',
      status: 'called',
      waitingAhead: 0,
      counter: 'Quầy 2',
      calledAt: clock.now().toISOString(),
    });
    const after = await queueOf(PHU_XUAN);
    expect(after.body.lastCalled.map((call: { display: string }) => call.display)).toEqual([
      'A-002',
      'A-001',
      'U-004',
      'U-003',
    ]);
    expect(after.body.lastCalled[0]).toEqual({
      number: 2,
      display: 'A-002',
      counter: 'Quầy 2',
      calledAt: clock.now().toISOString(),
    });
    expect(after.body.waiting.total).toBe(0);
  });

  it("estimates a waiting ticket's wait from the pace of today's calls at the unit", async () => {
    for (let ticket = 0; ticket < 6; ticket += 1) await takeTicket(PHU_XUAN).expect(201);
    const desk = await tokenFor('desk-officer', PHU_XUAN);
    // Three calls, 3 and then 5 minutes apart: 4 minutes a call.
    for (const minutes of [0, 3, 5]) {
      clock.advance(minutes * 60_000);
      await callNext(PHU_XUAN, desk).expect(200);
    }
    const sixth = await request(running.url).get(`/api/v1/receiving-units/${PHU_XUAN}/tickets/6`).expect(200);
    expect(sixth.body).toMatchObject({ status: 'waiting', waitingAhead: 2, estimatedWaitMinutes: 8 });
    const fourth = await request(running.url).get(`/api/v1/receiving-units/${PHU_XUAN}/tickets/4`).expect(200);
    expect(fourth.body).toMatchObject({ status: 'waiting', waitingAhead: 0, estimatedWaitMinutes: 0 });
  });

  it('gives one address at most 2 online numbers a unit a day, until the local day ends (429 with Retry-After)', async () => {
    const online = (unitCode: string, address: string) =>
      takeTicket(unitCode, { channel: 'online' }).set('X-Forwarded-For', address);
    await online(PHU_XUAN, '203.0.113.30').expect(201);
    await online(PHU_XUAN, '203.0.113.30').expect(201);
    const refused = await online(PHU_XUAN, '203.0.113.30').expect(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({
      type: 'https://onestop.gov.vn/problems/too-many-requests',
      status: 429,
      scope: 'address',
    });
    // 09:00 in Huế: the day ends in 15 hours.
    const untilMidnight =
      (Date.UTC(clock.now().getUTCFullYear(), clock.now().getUTCMonth(), clock.now().getUTCDate(), 17) -
        clock.now().getTime()) /
      1000;
    expect(Number(refused.headers['retry-after'])).toBe(untilMidnight);
    // Nothing was issued for the refused request; the kiosk, another unit and another address go on.
    expect((await queueOf(PHU_XUAN)).body.issued).toBe(2);
    await takeTicket(PHU_XUAN, { channel: 'kiosk' }).set('X-Forwarded-For', '203.0.113.30').expect(201);
    await online(KIM_LONG, '203.0.113.30').expect(201);
    await online(PHU_XUAN, '203.0.113.31').expect(201);
    // The next local day, the address may take numbers again.
    clock.advance(DAY_MS);
    await online(PHU_XUAN, '203.0.113.30').expect(201);
  });

  it("gives out at most the unit's online numbers for the day, from any addresses; the kiosk still gives numbers", async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        takeTicket(THUY_XUAN, { channel: 'online' }).set('X-Forwarded-For', `198.51.100.${index + 1}`),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 201, 201, 201, 201, 429, 429, 429]);
    for (const refused of answers.filter((answer) => answer.status === 429))
      expect(refused.body).toMatchObject({ scope: 'unit' });
    expect((await queueOf(THUY_XUAN)).body.issued).toBe(5);
    await takeTicket(THUY_XUAN, { channel: 'kiosk' }).expect(201);
  });

  it('tells the desk what the called citizen came for, and nothing personal', async () => {
    await takeTicket(KIM_LONG, { channel: 'online', priorityGroup: 'veteran', procedureCode: '2.002156' }).expect(201);
    const called = await callNext(KIM_LONG, await tokenFor('desk-officer', KIM_LONG), 'Quầy 1').expect(200);
    expect(called.body).toEqual({
      number: 1,
      display: 'U-001',
      priorityGroup: 'veteran',
      channel: 'online',
      procedureCode: '2.002156',
      issuedAt: clock.now().toISOString(),
      counter: 'Quầy 1',
      calledAt: clock.now().toISOString(),
    });
  });

  it('restarts the numbers the next local day', async () => {
    await takeTicket(KIM_LONG).expect(201);
    const yesterday = await takeTicket(KIM_LONG).expect(201);
    expect(yesterday.body.number).toBe(2);

    clock.advance(DAY_MS);
    const today = await takeTicket(KIM_LONG).expect(201);
    expect(today.body).toMatchObject({ number: 1, display: 'A-001', waitingAhead: 0 });
    expect(today.body.date > yesterday.body.date).toBe(true);
    const gone = await request(running.url).get(`/api/v1/receiving-units/${KIM_LONG}/tickets/2`).expect(404);
    expect(gone.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await queueOf(KIM_LONG)).body).toMatchObject({ date: today.body.date, issued: 1 });

    // Each day's keys go away by themselves two days after the day's last ticket or call.
    const redis = running.app.get<RedisClientType>(REDIS_CLIENT);
    for (const key of [
      queueKeys(KIM_LONG, yesterday.body.date).sequence,
      queueKeys(KIM_LONG, today.body.date).tickets,
    ]) {
      const ttl = await redis.ttl(key);
      expect(ttl).toBeGreaterThan(QUEUE_TTL_SECONDS - 60);
      expect(ttl).toBeLessThanOrEqual(QUEUE_TTL_SECONDS);
    }
  });

  it('lets only desk officers of the unit call its tickets', async () => {
    await takeTicket(PHU_XUAN).expect(201);
    const otherUnit = await callNext(PHU_XUAN, await tokenFor('desk-officer', KIM_LONG)).expect(403);
    expect(otherUnit.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(otherUnit.body.detail).toContain('own unit');
    await callNext(PHU_XUAN, await tokenFor('specialist', PHU_XUAN)).expect(403);
    // The unit claimed under another province's token calls nobody of Huế's queue.
    await callNext(PHU_XUAN, await tokenFor('desk-officer', PHU_XUAN, '01', 'desk-phu-xuan-under-hanoi')).expect(403);
    await request(running.url)
      .post(`/api/v1/receiving-units/${PHU_XUAN}/calls`)
      .send({ counter: 'Quầy 1' })
      .expect(401);
    expect((await queueOf(PHU_XUAN)).body.waiting.total).toBe(1);
  });

  it('answers 404 for a unit that does not exist or is not a receiving unit, and for a ticket not issued', async () => {
    for (const unitCode of ['99999', '46']) {
      const response = await takeTicket(unitCode).expect(404);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ status: 404, title: 'Receiving unit not found' });
      await request(running.url).get(`/api/v1/receiving-units/${unitCode}/queue`).expect(404);
    }
    await callNext('99999', await tokenFor('desk-officer', '99999')).expect(404);
    await request(running.url).get(`/api/v1/receiving-units/${PHU_XUAN}/tickets/1`).expect(404);
  });

  it("gives kiosk numbers only to the centre's kiosk, signed in as a desk officer of the unit, so that home is held to the online allowance", async () => {
    const asKiosk = (token?: string) => {
      const post = request(running.url).post(`/api/v1/receiving-units/${PHU_XUAN}/tickets`);
      return (token ? post.auth(token, { type: 'bearer' }) : post).send({ channel: 'kiosk' });
    };
    const anonymous = await asKiosk().expect(401);
    expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
    await asKiosk(await tokenFor('desk-officer', THUY_XUAN)).expect(403);
    await asKiosk(await tokenFor('specialist', PHU_XUAN)).expect(403);
    await asKiosk(await tokenFor('citizen')).expect(403);
    expect((await queueOf(PHU_XUAN)).body.issued).toBe(0);
    await asKiosk(kioskTokens.get(PHU_XUAN)).expect(201);
  });

  it.each([
    ['an unknown priority group', { channel: 'kiosk', priorityGroup: 'vip' }, 'priorityGroup'],
    ['an extra field', { channel: 'kiosk', fullName: 'Nguyễn Văn A' }, 'fullName'],
    ['a missing channel', { priorityGroup: 'elderly' }, 'channel'],
    ['a malformed procedure code', { channel: 'online', procedureCode: 'thu tuc 1' }, 'procedureCode'],
  ])('refuses a ticket request with %s, naming the field', async (_case, body, field) => {
    const response = await takeTicket(PHU_XUAN, body).expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([field]);
  });

  it('refuses a call without a valid counter and a ticket number that is not one', async () => {
    const desk = await tokenFor('desk-officer', PHU_XUAN);
    const tooLong = await callNext(PHU_XUAN, desk, 'Quầy số mười bảy B').expect(400);
    expect(tooLong.body.errors[0].field).toBe('counter');
    const missing = await request(running.url)
      .post(`/api/v1/receiving-units/${PHU_XUAN}/calls`)
      .auth(desk, { type: 'bearer' })
      .send({})
      .expect(400);
    expect(missing.body.errors[0].field).toBe('counter');
    const notNumber = await request(running.url).get(`/api/v1/receiving-units/${PHU_XUAN}/tickets/abc`).expect(400);
    expect(notNumber.body.errors).toEqual([{ field: 'number', code: 'isInt', message: 'must be an integer' }]);
  });

  it('documents the endpoints in the OpenAPI document', async () => {
    const docs = await request(running.url).get('/docs-json').expect(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/receiving-units/{unitCode}/tickets',
        '/api/v1/receiving-units/{unitCode}/tickets/{number}',
        '/api/v1/receiving-units/{unitCode}/queue',
        '/api/v1/receiving-units/{unitCode}/calls',
      ]),
    );
  });
});
