import { PlatformEnv } from '@onestop/platform';
import { dossierReceivedEvent, ServiceUnderTest, startServiceWithDatabase, tokenFor } from '@onestop/testing';
import request from 'supertest';
import { routingSchema } from '../database/schema';
import { DossierRoutingService } from '../dossiers/dossier-routing.service';
import { routingService } from '../service';

const KIM_LONG = '19774';
/** A commune no other test files dossiers for: its queue sees no dossier from the shared topics. */
const PHONG_PHU = '19828';
const PHU_XUAN = '19753';
const VY_DA = '19777';

/** Who manages a unit's officers, and how dossiers are shared among them. */
describe('officers', () => {
  let running: ServiceUnderTest<PlatformEnv>;
  const tokens: Record<string, string> = {};
  const put = (token: string, unit: string, subject: string, roles = ['specialist']) =>
    request(running.url)
      .put(`/api/v1/units/${unit}/officers/${subject}`)
      .auth(token, { type: 'bearer' })
      .send({ roles, active: true });

  beforeAll(async () => {
    // Only this test's own events: dossiers other tests file must not land in these units' queues.
    running = await startServiceWithDatabase(routingService, routingSchema, { KAFKA_CONSUMER_START: 'latest' });
    tokens.leaderKimLong = await tokenFor('unit-leader', KIM_LONG, '46', 'leader-kim-long');
    tokens.leaderPhongPhu = await tokenFor('unit-leader', PHONG_PHU, '46', 'leader-phong-phu');
    tokens.leaderPhuXuan = await tokenFor('unit-leader', PHU_XUAN, '46', 'leader-phu-xuan');
    tokens.admin = await tokenFor('province-admin', undefined, '46', 'admin-46');
    tokens.otherAdmin = await tokenFor('province-admin', undefined, '01', 'admin-01');
    tokens.leaderVyDa = await tokenFor('unit-leader', VY_DA, '46', 'leader-vy-da');
    tokens.specialistVyDa = await tokenFor('specialist', VY_DA, '46', 'specialist-vy-da');
    tokens.hanoiLeaderAsVyDa = await tokenFor('unit-leader', VY_DA, '01', 'leader-hanoi');
  }, 60_000);

  afterAll(async () => {
    await running?.close();
  }, 30_000);

  it("lets a unit leader manage his own unit's officers, and only the province move one elsewhere", async () => {
    await put(tokens.leaderKimLong, KIM_LONG, 'officer-an').expect(200);
    const taken = await put(tokens.leaderPhuXuan, PHU_XUAN, 'officer-an').expect(403);
    expect(taken.body.detail).toContain('a unit you do not administer');
    await put(tokens.leaderPhuXuan, KIM_LONG, 'officer-binh').expect(404);
    await put(tokens.otherAdmin, PHU_XUAN, 'officer-an').expect(404);
    await put(tokens.admin, PHU_XUAN, 'officer-an').expect(200);
    const [row] = await running.database.dataSource.query(
      `SELECT unit_code FROM officers WHERE subject = 'officer-an'`,
    );
    expect(row.unit_code).toBe(PHU_XUAN);
  });

  it('records only roles within a unit: nobody grants a province role or the citizen role through the registry', async () => {
    for (const [token, roles] of [
      [tokens.leaderKimLong, ['province-admin']],
      [tokens.leaderKimLong, ['specialist', 'province-leader']],
      [tokens.admin, ['citizen']],
    ] as const) {
      const refused = await put(token, KIM_LONG, 'officer-dung', [...roles]).expect(400);
      expect(JSON.stringify(refused.body)).toContain('roles');
    }
    expect(await running.database.dataSource.query(`SELECT 1 FROM officers WHERE subject = 'officer-dung'`)).toEqual(
      [],
    );
    await put(tokens.leaderKimLong, KIM_LONG, 'officer-dung', ['desk-officer', 'unit-leader']).expect(200);
  });

  it('registers officers only with a commune or department in force', async () => {
    await put(tokens.admin, '46', 'officer-chi').expect(404);
    await put(tokens.admin, '99999', 'officer-chi').expect(404);
    await put(tokens.admin, '46.STP', 'officer-chi').expect(200);
  });

  it("lists a unit's officers to its leader and the province administrator, to no other unit's leader", async () => {
    await put(tokens.leaderPhuXuan, PHU_XUAN, 'officer-giang').expect(200);
    await request(running.url)
      .put(`/api/v1/units/${PHU_XUAN}/officers/officer-hanh`)
      .auth(tokens.leaderPhuXuan, { type: 'bearer' })
      .send({ roles: ['desk-officer'], active: false })
      .expect(200);
    const list = (token: string) =>
      request(running.url).get(`/api/v1/units/${PHU_XUAN}/officers`).auth(token, { type: 'bearer' });
    const expected = expect.arrayContaining([
      { subject: 'officer-giang', roles: ['specialist'], active: true, openWorkItems: 0 },
      { subject: 'officer-hanh', roles: ['desk-officer'], active: false, openWorkItems: 0 },
    ]);
    expect((await list(tokens.leaderPhuXuan).expect(200)).body.items).toEqual(expected);
    expect((await list(tokens.admin).expect(200)).body.items).toEqual(expected);
    await list(tokens.leaderKimLong).expect(404);
    await list(tokens.otherAdmin).expect(404);
  });

  it('shares 20 dossiers arriving at once evenly between two idle specialists', async () => {
    await put(tokens.leaderPhongPhu, PHONG_PHU, 'specialist-one').expect(200);
    await put(tokens.leaderPhongPhu, PHONG_PHU, 'specialist-two').expect(200);
    const routing = running.app.get(DossierRoutingService);
    const events = Array.from({ length: 20 }, () => dossierReceivedEvent({ unitCode: PHONG_PHU }));
    await Promise.all(events.map((event) => running.database.dataSource.transaction((tx) => routing.route(event, tx))));
    const rows: { assignee_id: string; n: number }[] = await running.database.dataSource.query(
      `SELECT assignee_id, count(*)::int AS n FROM routed_dossiers WHERE unit_code = $1 GROUP BY assignee_id ORDER BY assignee_id`,
      [PHONG_PHU],
    );
    expect(rows).toEqual([
      { assignee_id: 'specialist-one', n: 10 },
      { assignee_id: 'specialist-two', n: 10 },
    ]);
  }, 30_000);

  it("shows a unit's officers with their open work items to its leader and the province administrator, to nobody else", async () => {
    await put(tokens.leaderVyDa, VY_DA, 'vy-da-busy').expect(200);
    await put(tokens.leaderVyDa, VY_DA, 'vy-da-idle').expect(200);
    const routing = running.app.get(DossierRoutingService);
    for (const event of Array.from({ length: 3 }, () => dossierReceivedEvent({ unitCode: VY_DA }))) {
      await running.database.dataSource.transaction((tx) => routing.route(event, tx));
    }
    // The least loaded takes each: two for the first, one for the other; then one leaves the unit's rota.
    await request(running.url)
      .put(`/api/v1/units/${VY_DA}/officers/vy-da-idle`)
      .auth(tokens.leaderVyDa, { type: 'bearer' })
      .send({ roles: ['specialist'], active: false })
      .expect(200);
    for (const token of [tokens.leaderVyDa, tokens.admin]) {
      const listed = await request(running.url)
        .get(`/api/v1/units/${VY_DA}/officers`)
        .auth(token, { type: 'bearer' })
        .expect(200);
      expect(listed.body).toEqual({
        unitCode: VY_DA,
        items: [
          { subject: 'vy-da-busy', roles: ['specialist'], active: true, openWorkItems: 2 },
          { subject: 'vy-da-idle', roles: ['specialist'], active: false, openWorkItems: 1 },
        ],
      });
    }
    for (const [token, status] of [
      [tokens.leaderKimLong, 404],
      [tokens.otherAdmin, 404],
      [tokens.hanoiLeaderAsVyDa, 404],
      [tokens.specialistVyDa, 403],
    ] as const) {
      const refused = await request(running.url)
        .get(`/api/v1/units/${VY_DA}/officers`)
        .auth(token, { type: 'bearer' })
        .expect(status);
      expect(JSON.stringify(refused.body)).not.toContain('vy-da-busy');
    }
    await request(running.url).get(`/api/v1/units/46/officers`).auth(tokens.admin, { type: 'bearer' }).expect(404);
  });
});
