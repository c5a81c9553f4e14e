import { ManualClock, PlatformEnv } from '@onestop/platform';
import { ServiceUnderTest, startServiceWithDatabase, tokenFor, waitFor } from '@onestop/testing';
import request from 'supertest';
import { intakeSchema } from '../../apps/intake/src/database/schema';
import { intakeService } from '../../apps/intake/src/service';
import { routingSchema } from '../../apps/routing/src/database/schema';
import { routingService } from '../../apps/routing/src/service';

/**
 * The calendar is data: province IT adds a holiday decided late, intake's next deadlines skip it,
 * routing's copy follows through the event, and deadlines computed before do not move.
 */
describe('correcting the working calendar', () => {
  jest.setTimeout(90_000);
  // Monday 4 January 2027, 09:00 in Huế.
  const clock = new ManualClock(new Date('2027-01-04T09:00:00+07:00'));
  let intake: ServiceUnderTest<PlatformEnv>;
  let routing: ServiceUnderTest<PlatformEnv>;
  let admin: string;
  let desk: string;

  beforeAll(async () => {
    const kafka = { KAFKA_CONSUMER_START: 'latest' };
    [intake, routing] = await Promise.all([
      startServiceWithDatabase(intakeService, intakeSchema, kafka, { clock }),
      startServiceWithDatabase(routingService, routingSchema, kafka, { clock }),
    ]);
    admin = await tokenFor('province-admin', undefined, '46', 'admin-46');
    desk = await tokenFor('desk-officer', '19753', '46', 'desk-19753');
  }, 120_000);

  afterAll(async () => {
    await intake?.close();
    await routing?.close();
  }, 60_000);

  const fileDossier = async () =>
    request(intake.url)
      .post('/api/v1/dossiers')
      .auth(desk, { type: 'bearer' })
      .send({
        procedureCode: 'HKD-DANGKY',
        receivingUnitCode: '19753',
        channel: 'counter',
        applicant: { name: 'Lê Văn Cường', citizenId: '046090001111', phone: '0987654321', address: { line: '1 Huỳnh Thúc Kháng', communeCode: '19753' } },
        documents: [{ type: 'registration-application', fileName: 'de-nghi.pdf', sha256: 'c'.repeat(64), size: 1000 }],
      })
      .expect(201);

  it('moves the next deadlines, not the earlier ones, and reaches routing', async () => {
    const before = await fileDossier();
    expect(before.body.appointmentDate).toBe('2027-01-07'); // Monday + 3 working days

    const year = (await request(intake.url).get('/api/v1/calendar/2027').expect(200)).body;
    const extraDay = { date: '2027-01-05', kind: 'holiday', name: { vi: 'Nghỉ bù', en: 'Compensatory day off' }, basis: 'decision', source: 'test notice' };
    await request(intake.url)
      .put('/api/v1/calendar/2027')
      .auth(admin, { type: 'bearer' })
      .send({ days: [...year.days, extraDay], reason: 'Quyết định nghỉ bù' })
      .expect(200);

    const after = await fileDossier();
    expect(after.body.appointmentDate).toBe('2027-01-08');
    const earlier = await request(intake.url).get(`/api/v1/dossiers/${before.body.code}`).auth(desk, { type: 'bearer' }).expect(200);
    expect(earlier.body.appointmentDate).toBe('2027-01-07');

    await waitFor(async () => {
      const rows = await routing.database.dataSource.query(`SELECT 1 FROM calendar_days WHERE date = '2027-01-05'`);
      return rows.length === 1;
    }, 30_000, "routing's copy of the calendar");
  });

  it('refuses a bad calendar naming the field, and anyone but a province administrator', async () => {
    const saturdayHoliday = { date: '2027-01-09', kind: 'holiday', name: { vi: 'x', en: 'x' }, basis: 'law' };
    const bad = await request(intake.url).put('/api/v1/calendar/2027').auth(admin, { type: 'bearer' }).send({ days: [saturdayHoliday], reason: 'sai ngày' }).expect(400);
    expect(bad.body.errors).toEqual([{ field: 'days.0.date', message: expect.stringContaining('weekend') }]);
    const otherYear = await request(intake.url).put('/api/v1/calendar/2027').auth(admin, { type: 'bearer' }).send({ days: [{ ...saturdayHoliday, date: '2028-01-03' }], reason: 'sai năm' }).expect(400);
    expect(otherYear.body.errors[0].field).toBe('days.0.date');
    await request(intake.url).put('/api/v1/calendar/2027').auth(desk, { type: 'bearer' }).send({ days: [], reason: 'không được' }).expect(403);
    await request(intake.url).get('/api/v1/calendar/20x7').expect(400);
  });

  it('takes concurrent corrections of one year in turn: every one answers, the last one stands', async () => {
    const year = (await request(intake.url).get('/api/v1/calendar/2027').expect(200)).body;
    const corrections = Array.from({ length: 6 }, (_, index) => ({
      days: [...year.days.filter((day: { date: string }) => day.date !== '2027-01-05'), { date: '2027-01-05', kind: 'holiday', name: { vi: `Nghỉ ${index}`, en: `Day off ${index}` }, basis: 'decision' }],
      reason: `Điều chỉnh lần ${index}`,
    }));
    const responses = await Promise.all(corrections.map((body) => request(intake.url).put('/api/v1/calendar/2027').auth(admin, { type: 'bearer' }).send(body)));
    expect(responses.map((response) => response.status)).toEqual(Array(6).fill(200));
    const days = (await request(intake.url).get('/api/v1/calendar/2027').expect(200)).body.days;
    expect(days.filter((day: { date: string }) => day.date === '2027-01-05')).toHaveLength(1);
    expect(days).toHaveLength(year.days.length);
  });
});
