import { DossierApologyIssued, EventEnvelope, TOPICS } from '@onestop/contracts';
import { createEvent, EventOrigin } from '@onestop/messaging';
import { ManualClock } from '@onestop/platform';
import {
  publishEvents,
  ServiceUnderTest,
  startServiceWithDatabase,
  testKafkaBrokers,
  tokenFor,
  waitFor,
} from '@onestop/testing';
import { Admin, Kafka, logLevel, Producer, RecordMetadata } from 'kafkajs';
import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { intakeSchema } from '../database/schema';
import { IntakeEnv } from '../intake.env';
import { intakeService } from '../service';

const PHU_XUAN = '19753';
const KIM_LONG = '19774';
const REASON = 'Hồ sơ cần xác minh thêm thông tin với cơ quan thuế';
/** Wednesday 2 December 2026, and the end of that working day (17:30 in Huế). */
const NEW_APPOINTMENT = { newAppointmentDate: '2026-12-02', newDueAt: '2026-12-02T10:30:00.000Z' };

const filing = (channel: 'counter' | 'online') => ({
  procedureCode: 'HKD-DANGKY',
  receivingUnitCode: PHU_XUAN,
  channel,
  applicant: {
    name: 'Trần Thị Hoa',
    citizenId: '046190004321',
    phone: '0914765432',
    address: { line: '12 Kim Long', communeCode: KIM_LONG },
  },
  documents: [
    { type: 'registration-application', fileName: 'don.pdf', sha256: randomBytes(32).toString('hex'), size: 80_000 },
  ],
});

/** Task monitoring's apology, as a unit leader of Phú Xuân approved it. */
const leaderOrigin = (dossierId: string): EventOrigin => ({
  source: 'task-monitoring',
  actor: { kind: 'user', id: 'leader-phu-xuan', roles: ['unit-leader'], unitCode: PHU_XUAN },
  correlationId: dossierId,
  causationId: null,
});

/** A unit leader apologises for a late dossier: intake's public look-up follows the new appointment, once. */
describe('intake after an apology', () => {
  jest.setTimeout(60_000);
  // Tuesday 24 November 2026, 09:00 in Huế: filed now, due Friday 27 November.
  const clock = new ManualClock(new Date('2026-11-24T09:00:00+07:00'));
  let intake: ServiceUnderTest<IntakeEnv>;
  let producer: Producer;
  let admin: Admin;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    intake = await startServiceWithDatabase(intakeService, intakeSchema, { KAFKA_CONSUMER_START: 'latest' }, { clock });
    const kafka = new Kafka({
      clientId: 'intake-e2e-apology',
      brokers: testKafkaBrokers(),
      logLevel: logLevel.NOTHING,
    });
    [producer, admin] = [kafka.producer(), kafka.admin()];
    await Promise.all([producer.connect(), admin.connect()]);
    const run = randomBytes(3).toString('hex');
    tokens.desk = await tokenFor('desk-officer', PHU_XUAN, '46', `desk-${run}`);
    tokens.citizen = await tokenFor('citizen', undefined, '46', `citizen-${run}`);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([producer?.disconnect(), admin?.disconnect()]);
    await intake?.close();
  }, 30_000);

  const file = async (token: string, channel: 'counter' | 'online') =>
    (
      await request(intake.url)
        .post('/api/v1/dossiers')
        .auth(token, { type: 'bearer' })
        .send(filing(channel))
        .expect(201)
    ).body;
  const lookUp = async (code: string) =>
    (await request(intake.url).get(`/api/v1/dossiers/${code}/status?phone=5432`).expect(200)).body;
  const officerView = async (code: string) =>
    (await request(intake.url).get(`/api/v1/dossiers/${code}`).auth(tokens.desk, { type: 'bearer' }).expect(200)).body;
  const apology = (dossier: { id: string; code: string }) =>
    createEvent(
      DossierApologyIssued,
      dossier.id,
      {
        dossierId: dossier.id,
        code: dossier.code,
        provinceCode: '46',
        unitCode: PHU_XUAN,
        reason: REASON,
        ...NEW_APPOINTMENT,
        approvedBy: 'leader-phu-xuan',
      },
      leaderOrigin(dossier.id),
      clock.now(),
    );
  /** One send per event, so each event's offset is known. */
  const publish = async (events: EventEnvelope[]) => {
    const published: RecordMetadata[] = [];
    for (const event of events) published.push(...(await publishEvents(producer, TOPICS.task, [event])));
    return published;
  };
  /** Until intake's consumer has committed past what was published: those events were applied, or found applied already. */
  const consumed = (published: RecordMetadata[]) =>
    waitFor(
      async () => {
        const [offsets] = await admin.fetchOffsets({ groupId: intake.env.KAFKA_GROUP_ID!, topics: [TOPICS.task] });
        return published.every(
          ({ partition, baseOffset }) =>
            Number(offsets.partitions.find((p) => p.partition === partition)?.offset ?? -1) > Number(baseOffset),
        );
      },
      20_000,
      "intake's consumer to pass the published events",
    );

  it('shows the new appointment and, as a public step, that it moved and why; a redelivery changes nothing more', async () => {
    const filed = await file(tokens.desk, 'counter');
    expect(filed).toMatchObject({ status: 2, appointmentDate: '2026-11-27' });
    const receivedStep = { from: null, to: 2, action: 'receive', at: clock.now().toISOString(), note: null };

    // Friday 27 November, 08:00: the leader sees the result will be late and apologises.
    clock.set(new Date('2026-11-27T08:00:00+07:00'));
    const issued = apology(filed);
    await publish([issued]);
    await waitFor(
      async () => (await lookUp(filed.code)).appointmentDate === NEW_APPOINTMENT.newAppointmentDate,
      20_000,
      'the new appointment in the look-up',
    );

    const afterApology = await lookUp(filed.code);
    expect(afterApology).toEqual({
      code: filed.code,
      status: 2,
      appointmentDate: '2026-12-02',
      history: [
        receivedStep,
        {
          from: 2,
          to: 2,
          action: 'apology',
          at: issued.occurredAt,
          note: `Cơ quan giải quyết xin lỗi Ông/Bà và hẹn lại ngày trả kết quả: 02/12/2026. Lý do: ${REASON}`,
        },
      ],
      rating: { canRate: false, rated: false, score: null },
    });
    const officer = await officerView(filed.code);
    expect(officer).toMatchObject({ appointmentDate: '2026-12-02', dueAt: NEW_APPOINTMENT.newDueAt });

    // Kafka delivers the same apology again (a producer retry, a rebalance): nothing moves twice.
    await consumed(await publish([issued]));
    expect(await lookUp(filed.code)).toEqual(afterApology);
    expect((await officerView(filed.code)).version).toBe(officer.version);
  });

  it('leaves a closed dossier as it closed, and passes over a dossier it does not hold', async () => {
    const online = await file(tokens.citizen, 'online');
    await request(intake.url)
      .post(`/api/v1/dossiers/${online.code}/withdrawal`)
      .auth(tokens.citizen, { type: 'bearer' })
      .send({ reason: 'Nộp nhầm thủ tục' })
      .expect(200);
    const withdrawn = await lookUp(online.code);

    const apologies = [apology(online), apology({ id: randomUUID(), code: `${PHU_XUAN}-261120-0001` })];
    await consumed(await publish(apologies));
    expect(await lookUp(online.code)).toEqual(withdrawn);
    expect(withdrawn).toMatchObject({ status: 7, appointmentDate: null });
    // Both were applied without effect: a handler's failure would have sent them to the dead letters instead.
    const applied = await intake.database.dataSource.query(
      'SELECT event_id AS id FROM messaging_inbox WHERE event_id = ANY($1::uuid[])',
      [apologies.map((event) => event.id)],
    );
    expect(applied).toHaveLength(2);
  });
});
