import { DEFAULT_CALENDAR_DAYS, WorkingCalendar } from '@onestop/calendar';
import { DOSSIER_STATUS, DossierStatusChanged, DossierStatusCode, EventEnvelope, TOPICS } from '@onestop/contracts';
import { createEvent } from '@onestop/messaging';
import { ManualClock } from '@onestop/platform';
import {
  dossierReceivedEvent,
  publishEvents,
  ServiceUnderTest,
  startServiceWithDatabase,
  testKafkaBrokers,
  tokenFor,
  waitFor,
} from '@onestop/testing';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { taskMonitoringSchema } from '../database/schema';
import { taskMonitoringService } from '../service';
import { TaskMonitoringEnv } from '../task-monitoring.env';

/** An instant in Huế local time, 'YYYY-MM-DDTHH:MM'. */
const at = (local: string) => new Date(`${local}:00+07:00`);
const PHU_XUAN = '19753';

/**
 * A household business registration (3 working days) received at the Phú Xuân desk on Tuesday
 * 1 September 2026 at 09:00. 2 and 3 September are the National Day holidays and 5–6 September a
 * weekend, so it is due Tuesday 8 September at 09:00, as intake computes it.
 */
const RECEIVED_AT = at('2026-09-01T09:00');
const DUE_AT = at('2026-09-08T09:00');

/** A dossier's page asks task monitoring how much working time its deadline leaves, as time passes. */
describe("a dossier's deadline in working time", () => {
  jest.setTimeout(90_000);
  const clock = new ManualClock(RECEIVED_AT);
  let service: ServiceUnderTest<TaskMonitoringEnv>;
  let producer: Producer;
  const tokens: Record<string, string> = {};
  const received = dossierReceivedEvent({ unitCode: PHU_XUAN, at: RECEIVED_AT });
  received.payload.dueAt = new WorkingCalendar(DEFAULT_CALENDAR_DAYS)
    .deadline(RECEIVED_AT, received.payload.procedure.processingTime)
    .toISOString();
  received.payload.appointmentDate = '2026-09-08';
  const { dossierId, code } = received.payload;

  beforeAll(async () => {
    service = await startServiceWithDatabase(
      taskMonitoringService,
      taskMonitoringSchema,
      { KAFKA_CONSUMER_START: 'latest' },
      { clock },
    );
    producer = new Kafka({
      clientId: 'dossier-deadline-e2e',
      brokers: testKafkaBrokers(),
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
    const run = randomBytes(3).toString('hex');
    tokens.specialist = await tokenFor('specialist', PHU_XUAN, '46', `specialist-${run}`);
    tokens.otherCommune = await tokenFor('specialist', '19774', '46', `kim-long-${run}`);
    tokens.province = await tokenFor('province-leader', undefined, '46', `province-${run}`);
    tokens.otherProvince = await tokenFor('province-leader', undefined, '01', `hanoi-${run}`);
    tokens.citizen = await tokenFor('citizen', undefined, '46', `citizen-${run}`);
    await publishEvents(producer, TOPICS.dossier, [received]);
    await waitFor(
      async () => (await deadline(dossierId, 'specialist')).status === 200,
      30_000,
      "the dossier's clock started",
    );
  }, 90_000);

  afterAll(async () => {
    await producer?.disconnect();
    await service?.close();
  });

  const deadline = (id: string, who: string) =>
    request(service.url).get(`/api/v1/dossiers/${id}/deadline`).auth(tokens[who], { type: 'bearer' });
  const standing = async () => (await deadline(dossierId, 'specialist').expect(200)).body;

  /** Routing moves the dossier to `to` at the clock's current time. */
  async function processing(action: string, to: DossierStatusCode, from: DossierStatusCode) {
    const payload = {
      dossierId,
      code,
      provinceCode: '46',
      procedureCode: 'HKD-DANGKY',
      receivingUnitCode: PHU_XUAN,
      unitCode: PHU_XUAN,
      from,
      to,
      action,
      reason: null,
      dueAt: null,
      resultChannel: null,
    };
    const event: EventEnvelope = createEvent(
      DossierStatusChanged,
      dossierId,
      payload,
      { source: 'routing', actor: { kind: 'system', id: 'test' }, correlationId: dossierId, causationId: null },
      clock.now(),
    );
    await publishEvents(producer, TOPICS.dossier, [event]);
  }

  it('leaves the whole three working days (1440 minutes) at receipt', async () => {
    expect(await standing()).toEqual({
      dossierId,
      code,
      state: 'on-time',
      dueAt: DUE_AT.toISOString(),
      workingMinutesLeft: 3 * 8 * 60,
      paused: false,
      // Acceptance has 10 % of the time: 2 h 24 min.
      stepDueAt: at('2026-09-01T11:24').toISOString(),
      computedAt: RECEIVED_AT.toISOString(),
    });
  });

  it('counts only working time across the holidays and the weekend', async () => {
    // Tuesday 09:00–17:30 (6 h 30) and Friday 07:30–10:00 (2 h 30) are used; 2 and 3 September are not.
    clock.set(at('2026-09-04T10:00'));
    expect(await standing()).toMatchObject({
      state: 'on-time',
      workingMinutesLeft: 1440 - 390 - 150,
      dueAt: DUE_AT.toISOString(),
      computedAt: at('2026-09-04T10:00').toISOString(),
    });
    // Sunday: all of Friday is used, the weekend nothing.
    clock.set(at('2026-09-06T12:00'));
    expect(await standing()).toMatchObject({ state: 'on-time', workingMinutesLeft: 1440 - 390 - 480 });
    // Monday 10:00: less than the one working day of warning is left.
    clock.set(at('2026-09-07T10:00'));
    expect(await standing()).toMatchObject({ state: 'due-soon', workingMinutesLeft: 420, paused: false });
  });

  it('stands still while the citizen supplements the dossier, and runs again from the answer', async () => {
    await processing('request-supplement', DOSSIER_STATUS.supplementRequested, DOSSIER_STATUS.processing);
    await waitFor(async () => (await standing()).paused === true, 30_000, 'the clock paused');
    clock.set(at('2026-09-11T10:00'));
    const paused = await standing();
    // Were the citizen to answer now: 5 h 30 on Friday, 1 h 30 on Monday.
    expect(paused).toEqual({
      dossierId,
      code,
      state: 'paused',
      dueAt: at('2026-09-14T09:00').toISOString(),
      workingMinutesLeft: 420,
      paused: true,
      computedAt: at('2026-09-11T10:00').toISOString(),
    });

    clock.set(at('2026-09-14T09:00'));
    await processing('supplement-received', DOSSIER_STATUS.processing, DOSSIER_STATUS.supplementRequested);
    await waitFor(async () => (await standing()).paused === false, 30_000, 'the clock running again');
    // The 7 h left run from Monday 09:00: 6 h 30 that day, 30 minutes on Tuesday.
    expect(await standing()).toMatchObject({
      state: 'due-soon',
      dueAt: at('2026-09-15T08:00').toISOString(),
      workingMinutesLeft: 420,
    });
  });

  it('goes negative by the working time past the deadline, then closes with the result', async () => {
    clock.set(at('2026-09-15T10:00'));
    expect(await standing()).toMatchObject({
      state: 'overdue',
      dueAt: at('2026-09-15T08:00').toISOString(),
      workingMinutesLeft: -120,
      paused: false,
    });
    // The evening is no working time: overdue by the rest of Tuesday's shifts.
    clock.set(at('2026-09-15T22:00'));
    expect(await standing()).toMatchObject({ state: 'overdue', workingMinutesLeft: -(210 + 240) });

    await processing('result-signed', DOSSIER_STATUS.done, DOSSIER_STATUS.processing);
    await waitFor(async () => (await standing()).state === 'closed', 30_000, 'the clock closed');
    expect(await standing()).toEqual({
      dossierId,
      code,
      state: 'closed',
      dueAt: null,
      workingMinutesLeft: null,
      paused: false,
      computedAt: at('2026-09-15T22:00').toISOString(),
    });
  });

  it("shows the dossier to its unit and its province only, and an unknown one the same way as another's", async () => {
    expect((await deadline(dossierId, 'province').expect(200)).body).toMatchObject({ dossierId, state: 'closed' });
    const notYours = await deadline(dossierId, 'otherCommune').expect(404);
    const unknown = await deadline(randomUUID(), 'specialist').expect(404);
    for (const problem of [notYours, unknown, await deadline(dossierId, 'otherProvince').expect(404)]) {
      expect(problem.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(problem.body).toMatchObject({
        status: 404,
        title: 'No such dossier',
        errors: [{ field: 'id', message: 'no dossier that you may see' }],
      });
    }
    await deadline(dossierId, 'citizen').expect(403);
    const malformed = await deadline('19753-260901-0001', 'specialist').expect(400);
    expect(malformed.body.errors).toMatchObject([{ field: 'id', message: 'must be a dossier id (a UUID)' }]);
  });
});
