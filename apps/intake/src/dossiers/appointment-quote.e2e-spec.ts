import { ManualClock } from '@onestop/platform';
import { AdministrativeUnits } from '@onestop/reference-data';
import { ServiceUnderTest, startServiceWithDatabase, tokenFor } from '@onestop/testing';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { intakeSchema } from '../database/schema';
import { IntakeEnv } from '../intake.env';
import { intakeService } from '../service';

const PHU_XUAN = '19753';
const SERVICE_POINT = `${PHU_XUAN}.BD1`;

const filing = {
  procedureCode: 'HKD-DANGKY',
  receivingUnitCode: SERVICE_POINT,
  channel: 'counter',
  applicant: {
    name: 'Phan Thị Thu',
    citizenId: '046095004321',
    phone: '0905111222',
    address: { line: '3 Kim Long', communeCode: '19774' },
  },
  documents: [
    {
      type: 'registration-application',
      fileName: 'giay-de-nghi.pdf',
      sha256: randomBytes(32).toString('hex'),
      size: 80_000,
    },
  ],
};

/** The desk quotes fee and appointment before filing; the filing at that instant gets exactly the quote. */
describe('appointment quote at the desk', () => {
  // Tuesday 24 November 2026, 09:00 in Huế.
  const clock = new ManualClock(new Date('2026-11-24T09:00:00+07:00'));
  let running: ServiceUnderTest<IntakeEnv>;
  const tokens: Record<string, string> = {};

  const quote = (token: string | null, code: string, unit: string) => {
    const call = request(running.url).get(`/api/v1/procedures/${code}/appointment`).query({ receivingUnitCode: unit });
    return token ? call.auth(token, { type: 'bearer' }) : call;
  };
  const file = () =>
    request(running.url).post('/api/v1/dossiers').auth(tokens.desk, { type: 'bearer' }).send(filing).expect(201);
  const dossierCount = async () =>
    Number((await running.database.dataSource.query('SELECT count(*) AS n FROM dossiers'))[0].n);

  beforeAll(async () => {
    running = await startServiceWithDatabase(intakeService, intakeSchema, {}, { clock });
    await running.app.get(AdministrativeUnits).addServicePoint({
      code: SERVICE_POINT,
      name: 'Điểm phục vụ Bưu điện Phú Xuân',
      nameEn: 'Phu Xuan post office service point',
      parentCode: PHU_XUAN,
      provinceCode: '46',
      effectiveFrom: '2026-01-01',
    });
    tokens.desk = await tokenFor('desk-officer', SERVICE_POINT, '46', 'desk-bd1');
    tokens.otherDesk = await tokenFor('desk-officer', PHU_XUAN, '46', 'desk-phu-xuan');
    tokens.hanoiDesk = await tokenFor('desk-officer', '00004', '01', 'desk-ba-dinh');
    tokens.closedDesk = await tokenFor('desk-officer', `${PHU_XUAN}.BD9`, '46', 'desk-bd9');
    tokens.citizen = await tokenFor('citizen', undefined, '46', 'citizen-thu');
    tokens.admin = await tokenFor('province-admin', undefined, '46', 'admin-46');
  }, 60_000);

  afterAll(async () => {
    await running?.close();
  }, 30_000);

  it('quotes the fee, processing time and appointment that a counter filing at the same instant then receives, filing nothing', async () => {
    const before = await dossierCount();
    const quoted = (await quote(tokens.desk, 'HKD-DANGKY', SERVICE_POINT).expect(200)).body;
    const procedure = (await request(running.url).get('/api/v1/procedures/HKD-DANGKY').expect(200)).body;
    expect(quoted).toMatchObject({
      procedureCode: 'HKD-DANGKY',
      procedureVersion: procedure.version,
      receivingUnitCode: SERVICE_POINT,
      fee: procedure.fee,
      processingTime: { unit: 'working-days', amount: 3 },
      quotedAt: clock.now().toISOString(),
      countingFrom: clock.now().toISOString(),
      // Three working days from Tuesday 09:00: Friday 09:00.
      appointmentDate: '2026-11-27',
      dueAt: new Date('2026-11-27T09:00:00+07:00').toISOString(),
    });
    expect(await dossierCount()).toBe(before);

    const filed = (await file()).body;
    expect({ appointmentDate: filed.appointmentDate, dueAt: filed.dueAt }).toEqual({
      appointmentDate: quoted.appointmentDate,
      dueAt: quoted.dueAt,
    });
  });

  it("follows the after-15:00 rule and the province's own calendar corrections, as the filing does", async () => {
    // Huế gives Wednesday 2 December 2026 off; the national calendar works it.
    await request(running.url)
      .put('/api/v1/calendar/2026')
      .auth(tokens.admin, { type: 'bearer' })
      .send({
        days: [
          {
            date: '2026-12-02',
            kind: 'holiday',
            name: { vi: 'Nghỉ lễ địa phương', en: 'Local holiday' },
            basis: 'decision',
          },
        ],
        reason: 'Quyết định của UBND thành phố Huế',
      })
      .expect(200);
    // Friday 27 November 2026, 16:00: counting starts Monday 07:30; three working days skip Wednesday and end Thursday 17:30.
    clock.set(new Date('2026-11-27T16:00:00+07:00'));
    const quoted = (await quote(tokens.desk, 'HKD-DANGKY', SERVICE_POINT).expect(200)).body;
    expect(quoted.countingFrom).toBe(new Date('2026-11-30T07:30:00+07:00').toISOString());
    expect(quoted.appointmentDate).toBe('2026-12-03');

    const filed = (await file()).body;
    expect({ appointmentDate: filed.appointmentDate, dueAt: filed.dueAt }).toEqual({
      appointmentDate: quoted.appointmentDate,
      dueAt: quoted.dueAt,
    });
  });

  it('answers an unknown procedure with 404 naming `code` and a bad unit with 400 naming `receivingUnitCode`', async () => {
    const unknown = await quote(tokens.desk, 'HT-KHONGCO', SERVICE_POINT).expect(404);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'code' })]);
    for (const [token, unit] of [
      [tokens.desk, '19753 BD1'],
      [tokens.desk, ''],
      // The caller's own unit, but no desk of that code is open.
      [tokens.closedDesk, `${PHU_XUAN}.BD9`],
    ]) {
      const bad = await quote(token, 'HKD-DANGKY', unit).expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'receivingUnitCode' })]);
    }
  });

  it("refuses the quote for another desk, another province's desk, a citizen and no token, as filing refuses them", async () => {
    for (const token of [tokens.otherDesk, tokens.hanoiDesk]) {
      const refused = await quote(token, 'HKD-DANGKY', SERVICE_POINT).expect(403);
      expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'receivingUnitCode' })]);
    }
    await quote(tokens.citizen, 'HKD-DANGKY', SERVICE_POINT).expect(403);
    await quote(null, 'HKD-DANGKY', SERVICE_POINT).expect(401);
  });
});
