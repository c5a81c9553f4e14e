import { CalendarDay, DEFAULT_CALENDAR_DAYS, ProvinceCalendars, WorkingCalendar } from '@onestop/calendar';
import { TOPICS, WorkingCalendarChangedV1 } from '@onestop/contracts';
import { IntakeEnv, intakeSchema, intakeService } from '@onestop/intake';
import { resetBroker, startBroker, stopBroker } from '@onestop/local-stack';
import { createEvent } from '@onestop/messaging';
import { ManualClock, PlatformEnv } from '@onestop/platform';
import { routingSchema, routingService } from '@onestop/routing';
import { TaskMonitoringEnv, taskMonitoringSchema, taskMonitoringService } from '@onestop/task-monitoring';
import { publishEvents, ServiceUnderTest, startServiceWithDatabase, tokenFor, waitFor } from '@onestop/testing';
import { Kafka, logLevel } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import request from 'supertest';

// Its own broker: a correction here must reach no other suite's services, nor theirs these.
const broker = { name: 'calendars', port: 19792 };
/** An instant in Vietnam local time, 'YYYY-MM-DDTHH:MM'. */
const at = (local: string) => new Date(`${local}:00+07:00`);

/** A commune of each province: Phú Xuân (Huế, 46), Ba Đình (Hà Nội, 01), Hải Vân (Đà Nẵng, 48). */
const UNITS = { '46': '19753', '01': '00004', '48': '20194' } as const;
type Province = keyof typeof UNITS;

const holiday = (date: string, vi: string): CalendarDay => ({
  date,
  kind: 'holiday',
  name: { vi, en: 'Day off' },
  basis: 'decision',
  source: 'test notice',
});
/** Hà Nội rests on Tuesday 5 January 2027, Huế on Thursday 7 January: both working days elsewhere. */
const HANOI_DAY_OFF = holiday('2027-01-05', 'Nghỉ theo quyết định của UBND thành phố Hà Nội');
const HUE_DAY_OFF = holiday('2027-01-07', 'Nghỉ theo quyết định của UBND thành phố Huế');

/**
 * The calendar is the national days and each province's corrections over them: a province's
 * administrator corrects its own province only, and intake, routing and task monitoring compute
 * each dossier's deadlines on the calendar of its province. Deadlines given before do not move.
 */
describe('per-province working calendars', () => {
  jest.setTimeout(120_000);
  // Monday 4 January 2027, 09:00, for every service: time stands still until the test moves it.
  const clock = new ManualClock(at('2027-01-04T09:00'));
  let intake: ServiceUnderTest<IntakeEnv>;
  let routing: ServiceUnderTest<PlatformEnv>;
  let monitoring: ServiceUnderTest<TaskMonitoringEnv>;
  let brokers: string;
  const tokens: Record<string, string> = {};
  const admin = (province: Province) => tokens[`admin-${province}`];
  const desk = (province: Province) => tokens[`desk-${province}`];
  const specialist = (province: Province) => tokens[`specialist-${province}`];

  beforeAll(async () => {
    await resetBroker(broker);
    brokers = (await startBroker(broker)).brokers;
    const env = { KAFKA_BROKERS: brokers, KAFKA_CONSUMER_START: 'earliest' };
    [intake, routing, monitoring] = await Promise.all([
      startServiceWithDatabase(intakeService, intakeSchema, env, { clock }),
      startServiceWithDatabase(routingService, routingSchema, env, { clock }),
      startServiceWithDatabase(taskMonitoringService, taskMonitoringSchema, env, { clock }),
    ]);
    for (const [province, unit] of Object.entries(UNITS) as Array<[Province, string]>) {
      tokens[`admin-${province}`] = await tokenFor('province-admin', undefined, province, `admin-${province}`);
      tokens[`desk-${province}`] = await tokenFor('desk-officer', unit, province, `desk-${unit}`);
      tokens[`specialist-${province}`] = await tokenFor('specialist', unit, province, `specialist-${unit}`);
      tokens[`citizen-${province}`] = await tokenFor('citizen', undefined, province, `citizen-${province}`);
      await request(routing.url)
        .put(`/api/v1/units/${unit}/officers/specialist-${unit}`)
        .auth(admin(province), { type: 'bearer' })
        .send({ roles: ['specialist'], active: true })
        .expect(200);
    }
  }, 180_000);

  afterAll(async () => {
    await Promise.all([intake?.close(), routing?.close(), monitoring?.close()]);
    await stopBroker(broker);
  }, 60_000);

  async function file(
    province: Province,
    procedureCode = 'HKD-DANGKY',
    document = 'registration-application',
    channel: 'counter' | 'online' = 'counter',
  ) {
    const unit = UNITS[province];
    const response = await request(intake.url)
      .post('/api/v1/dossiers')
      .auth(channel === 'online' ? tokens[`citizen-${province}`] : desk(province), { type: 'bearer' })
      .set('Idempotency-Key', randomBytes(6).toString('hex'))
      .send({
        procedureCode,
        receivingUnitCode: unit,
        channel,
        applicant: {
          name: 'Lê Văn Cường',
          citizenId: '046090001111',
          phone: '0987654321',
          address: { line: '1 Lê Lợi', communeCode: unit },
        },
        documents: [{ type: document, fileName: `${document}.pdf`, sha256: 'c'.repeat(64), size: 1000 }],
      })
      .expect(201);
    return response.body as { id: string; code: string; appointmentDate: string; dueAt: string };
  }

  const correct = (province: Province, days: CalendarDay[], year = 2027) =>
    request(intake.url)
      .put(`/api/v1/calendar/${year}`)
      .auth(admin(province), { type: 'bearer' })
      .send({ days, reason: 'Quyết định điều chỉnh lịch làm việc' });

  /** The dates of a province's corrections in a service's own copy. */
  const correctionsIn = async (service: ServiceUnderTest<PlatformEnv>, province: Province): Promise<string[]> =>
    (
      await service.database.dataSource.query(
        `SELECT to_char(date, 'YYYY-MM-DD') AS date FROM calendar_corrections WHERE province_code = $1 ORDER BY date`,
        [province],
      )
    ).map((row: { date: string }) => row.date);

  /** Waits until routing and task monitoring hold the province's corrections intake holds. */
  async function replicated(province: Province, dates: string[]): Promise<void> {
    await waitFor(
      async () => {
        const copies = await Promise.all([correctionsIn(routing, province), correctionsIn(monitoring, province)]);
        return copies.every((copy) => JSON.stringify(copy) === JSON.stringify(dates));
      },
      30_000,
      `province ${province}'s corrections in routing and task monitoring`,
    );
  }

  const clockOf = async (dossierId: string) =>
    (
      await monitoring.database.dataSource.query(
        'SELECT state, budget_minutes, due_at, step_due_at FROM dossier_clocks WHERE dossier_id = $1',
        [dossierId],
      )
    )[0] as { state: string; budget_minutes: number; due_at: Date | null; step_due_at: Date | null } | undefined;

  /** The clock of a dossier once task monitoring has started it and routing assigned the dossier. */
  async function startedClock(dossierId: string) {
    await waitFor(async () => (await clockOf(dossierId))?.state === 'running', 30_000, `the clock of ${dossierId}`);
    return (await clockOf(dossierId))!;
  }

  const routed = async (province: Province, dossierId: string) =>
    (
      await request(routing.url)
        .get(`/api/v1/dossiers/${dossierId}`)
        .auth(specialist(province), { type: 'bearer' })
        .expect(200)
    ).body as { version: number; dueAt: string | null; assigneeId: string | null };

  async function act(province: Province, dossierId: string, action: string, reason?: string): Promise<void> {
    await waitFor(
      async () => (await routed(province, dossierId).catch(() => null))?.assigneeId != null,
      30_000,
      `${dossierId} routed and assigned`,
    );
    const { version } = await routed(province, dossierId);
    await request(routing.url)
      .post(`/api/v1/dossiers/${dossierId}/actions`)
      .auth(specialist(province), { type: 'bearer' })
      .send({ version, action, reason })
      .expect(200);
  }

  const calendarOf = async (query: string, token?: string) => {
    const get = request(intake.url).get(`/api/v1/calendar/2027${query}`);
    return (await (token ? get.auth(token, { type: 'bearer' }) : get).expect(200)).body as {
      provinceCode: string | null;
      days: Array<CalendarDay & { correction: boolean }>;
      corrections: CalendarDay[];
    };
  };
  const marked = (days: Array<CalendarDay & { correction: boolean }>) =>
    days.filter((day) => day.correction).map((day) => day.date);

  let hueBefore: { id: string; code: string; appointmentDate: string };

  it("takes a Hà Nội correction for Hà Nội's deadlines only, in intake, routing and task monitoring", async () => {
    hueBefore = await file('46');
    expect(hueBefore.appointmentDate).toBe('2027-01-07'); // Monday + 3 working days

    const corrected = await correct('01', [HANOI_DAY_OFF]).expect(200);
    expect(corrected.body).toMatchObject({ year: 2027, provinceCode: '01', corrections: [HANOI_DAY_OFF] });
    expect(corrected.body.days).toContainEqual({ ...HANOI_DAY_OFF, correction: true });
    await replicated('01', ['2027-01-05']);
    expect(await correctionsIn(routing, '46')).toEqual([]);

    const [hue, hanoi, danang] = [await file('46'), await file('01'), await file('48')];
    expect([hue.appointmentDate, hanoi.appointmentDate, danang.appointmentDate]).toEqual([
      '2027-01-07',
      '2027-01-08',
      '2027-01-07',
    ]);
    // Routing's deadlines are intake's; task monitoring's clocks have three working days each, on their own calendars.
    for (const [province, dossier, dueAt] of [
      ['46', hue, at('2027-01-07T09:00')],
      ['01', hanoi, at('2027-01-08T09:00')],
      ['48', danang, at('2027-01-07T09:00')],
    ] as const) {
      expect(new Date(dossier.dueAt)).toEqual(dueAt);
      expect(await startedClock(dossier.id)).toMatchObject({ budget_minutes: 3 * 480, due_at: dueAt });
      await waitFor(
        async () => (await routed(province, dossier.id).catch(() => null))?.dueAt === dueAt.toISOString(),
        30_000,
        `${dossier.code} in routing`,
      );
    }
    // The dossier given its appointment before keeps it.
    const earlier = await request(intake.url)
      .get(`/api/v1/dossiers/${hueBefore.code}`)
      .auth(desk('46'), { type: 'bearer' })
      .expect(200);
    expect(earlier.body.appointmentDate).toBe('2027-01-07');
  });

  it("takes a Huế correction for Huế's deadlines in every service, and for no other province's", async () => {
    await correct('46', [HUE_DAY_OFF]).expect(200);
    await replicated('46', ['2027-01-07']);
    await replicated('01', ['2027-01-05']);

    const [hue, hanoi, danang] = [await file('46'), await file('01'), await file('48')];
    // Had Huế's day off reached Hà Nội, its appointment would be Monday 11 January.
    expect([hue.appointmentDate, hanoi.appointmentDate, danang.appointmentDate]).toEqual([
      '2027-01-08',
      '2027-01-08',
      '2027-01-07',
    ]);
    for (const [province, dossier, dueAt] of [
      ['46', hue, at('2027-01-08T09:00')],
      ['01', hanoi, at('2027-01-08T09:00')],
      ['48', danang, at('2027-01-07T09:00')],
    ] as const) {
      expect(await startedClock(dossier.id)).toMatchObject({ budget_minutes: 3 * 480, due_at: dueAt });
      await waitFor(
        async () => (await routed(province, dossier.id).catch(() => null))?.dueAt === dueAt.toISOString(),
        30_000,
        `${dossier.code} in routing`,
      );
    }
    const earlier = await request(intake.url)
      .get(`/api/v1/dossiers/${hueBefore.code}`)
      .auth(desk('46'), { type: 'bearer' })
      .expect(200);
    expect(earlier.body.appointmentDate).toBe('2027-01-07');

    // An online filing gets its appointment when its province's desk receives it.
    for (const province of ['46', '01', '48'] as const) {
      const online = await file(province, 'HKD-DANGKY', 'registration-application', 'online');
      const received = await request(intake.url)
        .post(`/api/v1/dossiers/${online.code}/intake-decision`)
        .auth(desk(province), { type: 'bearer' })
        .send({ decision: 'receive' })
        .expect(200);
      expect(received.body.appointmentDate).toBe(province === '48' ? '2027-01-07' : '2027-01-08');
    }
  });

  it("resumes a paused clock on the dossier's province's calendar in routing and task monitoring", async () => {
    const calendars = new ProvinceCalendars(
      DEFAULT_CALENDAR_DAYS,
      new Map([
        ['46', [HUE_DAY_OFF]],
        ['01', [HANOI_DAY_OFF]],
      ]),
    );
    const pausedAt = at('2027-01-04T10:00');
    const resumedAt = at('2027-01-08T10:00'); // each province's day off falls in the pause
    /** Where a deadline lands after the pause, the working time left counted on `calendar`. */
    const resumedDue = (calendar: WorkingCalendar, due: Date) =>
      calendar.addWorkingHours(calendar.countingStart(resumedAt), calendar.workingHoursBetween(pausedAt, due));

    const land = {
      '46': await file('46', 'DD-DANGKY-LANDAU', 'registration-form'),
      '01': await file('01', 'DD-DANGKY-LANDAU', 'registration-form'),
    };
    clock.set(pausedAt);
    for (const province of ['46', '01'] as const) {
      await startedClock(land[province].id);
      await act(province, land[province].id, 'accept');
      await act(province, land[province].id, 'request-supplement', 'Thiếu bản sao giấy tờ về quyền sử dụng đất');
      await waitFor(async () => (await clockOf(land[province].id))?.state === 'paused', 30_000, 'the clock paused');
    }
    clock.set(resumedAt);
    for (const province of ['46', '01'] as const) {
      const due = new Date(land[province].dueAt);
      const expected = resumedDue(calendars.of(province), due);
      // The test tells the calendars apart: on the national one the deadline would land elsewhere.
      expect(resumedDue(calendars.national, due)).not.toEqual(expected);
      await act(province, land[province].id, 'supplement-received');
      expect(new Date((await routed(province, land[province].id)).dueAt!)).toEqual(expected);
      await waitFor(
        async () => (await clockOf(land[province].id))?.state === 'running',
        30_000,
        'the clock running again',
      );
      expect((await clockOf(land[province].id))?.due_at).toEqual(expected);
    }
  });

  it('shows the national calendar, and each province its own with its corrections marked', async () => {
    const national = await calendarOf('');
    expect(national.provinceCode).toBeNull();
    expect(national.days.map((day) => day.date)).toEqual(
      DEFAULT_CALENDAR_DAYS.filter((day) => day.date.startsWith('2027-')).map((day) => day.date),
    );
    expect(marked(national.days)).toEqual([]);

    const hue = await calendarOf('?province=46');
    expect(hue).toMatchObject({ provinceCode: '46', corrections: [HUE_DAY_OFF] });
    expect(marked(hue.days)).toEqual(['2027-01-07']);
    expect(hue.days).toHaveLength(national.days.length + 1);
    expect(marked((await calendarOf('?province=01')).days)).toEqual(['2027-01-05']);
    expect(await calendarOf('?province=48')).toMatchObject({
      provinceCode: '48',
      days: national.days,
      corrections: [],
    });

    // A signed-in caller sees their own province's calendar unless they ask for another.
    expect(marked((await calendarOf('', desk('46'))).days)).toEqual(['2027-01-07']);
    expect(marked((await calendarOf('', admin('01'))).days)).toEqual(['2027-01-05']);
    expect((await calendarOf('?province=46', admin('01'))).provinceCode).toBe('46');

    for (const province of ['4', '046', 'HN', '99']) {
      const bad = await request(intake.url).get(`/api/v1/calendar/2027?province=${province}`).expect(400);
      expect(bad.body.errors).toEqual([
        expect.objectContaining({ field: 'province', code: province === '99' ? 'unknownReference' : 'matches' }),
      ]);
    }
  });

  it("lets a province take back a national day for itself, and refuses what is not a correction of the caller's province", async () => {
    // Huế works Friday 1 January (a national holiday): Thursday 31 December's 1-working-day dossiers fall due on it.
    const worked: CalendarDay = {
      date: '2027-01-01',
      kind: 'working-day',
      name: { vi: 'Làm việc', en: 'Worked' },
      basis: 'decision',
      source: 'test notice',
    };
    const taken = await correct('46', [HUE_DAY_OFF, worked]).expect(200);
    expect(taken.body.days.find((day: CalendarDay) => day.date === '2027-01-01')).toBeUndefined();
    expect(taken.body.corrections).toEqual([worked, HUE_DAY_OFF]);
    expect((await calendarOf('?province=01')).days.find((day) => day.date === '2027-01-01')).toMatchObject({
      kind: 'holiday',
      correction: false,
    });
    await replicated('46', ['2027-01-01', '2027-01-07']);

    const saturdayHoliday = { date: '2027-01-09', kind: 'holiday', name: { vi: 'x', en: 'x' }, basis: 'law' };
    const bad = await correct('46', [saturdayHoliday as CalendarDay]).expect(400);
    expect(bad.body.errors).toEqual([
      { field: 'days.0.date', code: 'weekendAlreadyOff', message: expect.stringContaining('weekend') },
    ]);
    const workedWeekday = await correct('46', [{ ...worked, date: '2027-01-04' }]).expect(400);
    expect(workedWeekday.body.errors).toEqual([
      {
        field: 'days.0.date',
        code: 'weekdayAlreadyWorked',
        message: expect.stringContaining('no national exception to take back'),
      },
    ]);
    const otherYear = await correct('46', [{ ...HUE_DAY_OFF, date: '2028-01-04' }]).expect(400);
    expect(otherYear.body.errors[0].field).toBe('days.0.date');
    await request(intake.url)
      .put('/api/v1/calendar/2027')
      .auth(desk('46'), { type: 'bearer' })
      .send({ days: [], reason: 'không được' })
      .expect(403);
    const noProvince = await tokenFor('province-admin', undefined, '', 'admin-nowhere');
    await request(intake.url)
      .put('/api/v1/calendar/2027')
      .auth(noProvince, { type: 'bearer' })
      .send({ days: [], reason: 'không tỉnh nào' })
      .expect(403);
    await request(intake.url)
      .put('/api/v1/calendar/2027?province=46')
      .auth(admin('01'), { type: 'bearer' })
      .send({ days: [], reason: 'tỉnh khác' })
      .expect(403);
    await request(intake.url).get('/api/v1/calendar/20x7').expect(400);
    // None of the refusals changed anything.
    expect((await calendarOf('?province=46')).corrections).toEqual([worked, HUE_DAY_OFF]);
    expect((await calendarOf('?province=01')).corrections).toEqual([HANOI_DAY_OFF]);
  });

  it("takes concurrent corrections of one province's year in turn: every one answers, the last one stands, other provinces keep theirs", async () => {
    const corrections = Array.from({ length: 6 }, (_, index) => [
      { ...HUE_DAY_OFF, name: { vi: `Nghỉ ${index}`, en: `Day off ${index}` } },
    ]);
    const responses = await Promise.all(corrections.map((days) => correct('46', days)));
    expect(responses.map((response) => response.status)).toEqual(Array(6).fill(200));
    const hue = await calendarOf('?province=46');
    expect(hue.corrections).toHaveLength(1);
    expect(hue.days.filter((day) => day.date === '2027-01-07')).toHaveLength(1);
    expect((await calendarOf('?province=01')).corrections).toEqual([HANOI_DAY_OFF]);
    await replicated('46', ['2027-01-07']);
  });

  it('still reads a version 1 WorkingCalendarChanged, from before calendars were per province, as a national year', async () => {
    const producer = new Kafka({
      clientId: 'calendar-e2e',
      brokers: brokers.split(','),
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
    try {
      const origin = {
        source: 'intake' as const,
        actor: { kind: 'user' as const, id: 'admin-old', roles: ['province-admin' as const], unitCode: null },
        correlationId: 'v1-calendar',
        causationId: null,
      };
      const day = holiday('2028-01-04', 'Nghỉ (phiên bản 1)');
      await publishEvents(producer, TOPICS.reference, [
        createEvent(
          WorkingCalendarChangedV1,
          'calendar-2028',
          { year: 2028, days: [day], reason: 'trước khi có lịch theo tỉnh' },
          origin,
          clock.now(),
        ),
      ]);
      for (const service of [routing, monitoring]) {
        await waitFor(
          async () =>
            (await service.database.dataSource.query(`SELECT 1 FROM calendar_days WHERE date = '2028-01-04'`))
              .length === 1,
          30_000,
          'the national day',
        );
        expect(
          await service.database.dataSource.query(`SELECT 1 FROM calendar_corrections WHERE date = '2028-01-04'`),
        ).toEqual([]);
      }
    } finally {
      await producer.disconnect();
    }
  });
});
