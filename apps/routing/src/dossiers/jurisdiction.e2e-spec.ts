import { PlatformEnv } from '@onestop/platform';
import {
  dossierReceivedEvent,
  ServiceUnderTest,
  startServiceWithDatabase,
  tokenFor,
  tokenWithRoles,
} from '@onestop/testing';
import request from 'supertest';
import { routingSchema } from '../database/schema';
import { routingService } from '../service';
import { DossierRoutingService } from './dossier-routing.service';

const PHU_XUAN = '19753';
const THUY_XUAN = '19813';
const BA_DINH = '00004';

/**
 * Who reads a Huế dossier (the applicant's phone and e-mail) and who moves Huế's officers: reach
 * comes with an officer role of the unit or a province role of the province, and nothing else.
 */
describe('routing jurisdiction', () => {
  let running: ServiceUnderTest<PlatformEnv>;
  let dossierId: string;
  const get = (path: string, token: string) => request(running.url).get(path).auth(token, { type: 'bearer' });

  beforeAll(async () => {
    running = await startServiceWithDatabase(routingService, routingSchema, { KAFKA_CONSUMER_START: 'latest' });
    const event = dossierReceivedEvent({
      unitCode: PHU_XUAN,
      applicant: { phone: '0905123456', email: 'lan@example.vn', accountSubject: 'citizen-lan' },
    });
    dossierId = event.payload.dossierId;
    const routing = running.app.get(DossierRoutingService);
    await running.database.dataSource.transaction((tx) => routing.route(event, tx));
  }, 60_000);

  afterAll(async () => {
    await running?.close();
  }, 30_000);

  describe('reading a dossier', () => {
    it.each([
      ['a token with no role and a unit claim', () => tokenWithRoles([], PHU_XUAN, '46', 'no-role')],
      ['a token whose only role the verifier dropped', () => tokenWithRoles(['auditor'], PHU_XUAN, '46', 'auditor')],
      ['a citizen carrying the unit claim', () => tokenWithRoles(['citizen'], PHU_XUAN, '46', 'citizen-other')],
      ['a specialist of another Huế unit', () => tokenFor('specialist', THUY_XUAN, '46')],
      [
        'a specialist claiming the unit under another province',
        () => tokenFor('specialist', PHU_XUAN, '01', 'specialist-mismatch'),
      ],
      ['a province administrator of Hà Nội', () => tokenFor('province-admin', undefined, '01')],
      ['a province leader of Hà Nội', () => tokenFor('province-leader', undefined, '01')],
      ['a unit leader of a Hà Nội ward', () => tokenFor('unit-leader', BA_DINH, '01')],
    ])('answers 404 to %s, for the dossier, its history and its actions', async (_who, token) => {
      const bearer = await token();
      for (const path of [`/api/v1/dossiers/${dossierId}`, `/api/v1/dossiers/${dossierId}/history`]) {
        const response = await get(path, bearer).expect(404);
        expect(JSON.stringify(response.body)).not.toContain('0905123456');
      }
      await request(running.url)
        .post(`/api/v1/dossiers/${dossierId}/actions`)
        .auth(bearer, { type: 'bearer' })
        .send({ action: 'accept', version: 1 })
        .expect(404);
      const [row] = await running.database.dataSource.query(
        'SELECT version, state FROM routed_dossiers WHERE id = $1',
        [dossierId],
      );
      expect(row.version).toBe(1);
    });

    it('shows it to the unit, the province of Huế and the applicant', async () => {
      for (const token of [
        await tokenFor('specialist', PHU_XUAN, '46'),
        await tokenFor('province-leader', undefined, '46'),
        await tokenFor('citizen', undefined, undefined, 'citizen-lan'),
      ]) {
        const response = await get(`/api/v1/dossiers/${dossierId}`, token).expect(200);
        expect(response.body.applicant).toMatchObject({ phone: '0905123456', email: 'lan@example.vn' });
      }
    });

    it('gives no work queue to a token without an officer role', async () => {
      await get('/api/v1/work-items', await tokenWithRoles([], PHU_XUAN, '46', 'no-role')).expect(403);
      await get('/api/v1/work-items', await tokenWithRoles(['citizen'], PHU_XUAN, '46', 'citizen-other')).expect(403);
      const foreign = await get('/api/v1/work-items', await tokenFor('province-admin', undefined, '01')).expect(200);
      expect(foreign.body.items).toEqual([]);
      const mismatched = await get(
        '/api/v1/work-items',
        await tokenFor('specialist', PHU_XUAN, '01', 'specialist-mismatch'),
      ).expect(200);
      expect(mismatched.body.items).toEqual([]);
      const own = await get('/api/v1/work-items', await tokenFor('specialist', PHU_XUAN, '46')).expect(200);
      expect(own.body.items.map((item: { id: string }) => item.id)).toContain(dossierId);
    });
  });

  describe('moving an officer', () => {
    const put = (token: string, unit: string, subject: string) =>
      request(running.url)
        .put(`/api/v1/units/${unit}/officers/${subject}`)
        .auth(token, { type: 'bearer' })
        .send({ roles: ['specialist'], active: true });
    const unitOf = async (subject: string) =>
      (await running.database.dataSource.query('SELECT unit_code FROM officers WHERE subject = $1', [subject]))[0]
        ?.unit_code;

    beforeAll(async () => {
      await put(await tokenFor('unit-leader', PHU_XUAN, '46'), PHU_XUAN, 'officer-hue').expect(200);
    });

    it("refuses a Hà Nội administrator taking a Huế unit's officer into a Hà Nội ward", async () => {
      const response = await put(await tokenFor('province-admin', undefined, '01'), BA_DINH, 'officer-hue').expect(403);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(await unitOf('officer-hue')).toBe(PHU_XUAN);
    });

    it("refuses a Hà Nội ward's leader taking him into his ward", async () => {
      await put(await tokenFor('unit-leader', BA_DINH, '01'), BA_DINH, 'officer-hue').expect(403);
      expect(await unitOf('officer-hue')).toBe(PHU_XUAN);
    });

    it('refuses a Huế administrator sending him to a Hà Nội ward, and a leader without his province', async () => {
      await put(await tokenFor('province-admin', undefined, '46'), BA_DINH, 'officer-hue').expect(404);
      await put(await tokenFor('unit-leader', PHU_XUAN, '01', 'leader-mismatch'), PHU_XUAN, 'officer-hue').expect(404);
      await put(
        await tokenWithRoles(['unit-leader'], PHU_XUAN, undefined, 'leader-no-province'),
        PHU_XUAN,
        'officer-hue',
      ).expect(404);
      expect(await unitOf('officer-hue')).toBe(PHU_XUAN);
    });

    it('lets the Huế administrator move him between Huế units', async () => {
      await put(await tokenFor('province-admin', undefined, '46'), THUY_XUAN, 'officer-hue').expect(200);
      expect(await unitOf('officer-hue')).toBe(THUY_XUAN);
    });
  });
});
