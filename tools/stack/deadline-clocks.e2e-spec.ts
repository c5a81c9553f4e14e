import { IntakeEnv, intakeSchema, intakeService } from '@onestop/intake';
import { resetBroker, startBroker, stopBroker } from '@onestop/local-stack';
import { TOPICS } from '@onestop/contracts';
import { Clock, PlatformEnv, setSimulatedClock, setSimulatedRate } from '@onestop/platform';
import { routingSchema, routingService } from '@onestop/routing';
import { TaskMonitoringEnv, taskMonitoringSchema, taskMonitoringService } from '@onestop/task-monitoring';
import {
  readTopic,
  RunningService,
  ServiceUnderTest,
  startServiceWithDatabase,
  startTestService,
  testRedisUrl,
  tokenFor,
  waitFor,
} from '@onestop/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { createClient, RedisClientType } from 'redis';
import request from 'supertest';

// Its own broker: its routing would otherwise route the dossiers other suites file on the shared one.
const broker = { name: 'deadlines', port: 19492 };
const UNIT = '19753'; // Phú Xuân, Huế
/** An instant in Huế local time, 'YYYY-MM-DDTHH:MM'. */
const at = (local: string) => new Date(`${local}:00+07:00`);

/**
 * Deadline clocks through the real services on one simulated clock shared in Redis: intake files
 * and computes the appointment, routing assigns and processes, task monitoring watches the time
 * and announces due-soon, overdue and escalation once each, also across its own restart.
 */
describe('deadline clocks on simulated time', () => {
  jest.setTimeout(120_000);
  const clockKey = `onestop:clock:e2e-${randomBytes(4).toString('hex')}`;
  const simulated: Record<string, string> = {
    CLOCK: 'simulated',
    CLOCK_KEY: clockKey,
    KAFKA_CONSUMER_START: 'earliest',
  };
  const redis: RedisClientType = createClient({ url: testRedisUrl() });
  let intake: ServiceUnderTest<IntakeEnv>;
  let routing: ServiceUnderTest<PlatformEnv>;
  let monitoring: ServiceUnderTest<TaskMonitoringEnv>;
  /** The replica started after the restart, on the same database and consumer group. */
  let restarted: RunningService<TaskMonitoringEnv> | null = null;
  const tokens: Record<string, string> = {};

  /** Moves the shared clock and waits until every running service reads the new time. */
  async function moveTo(local: string): Promise<void> {
    await setSimulatedClock(redis, at(local), { key: clockKey });
    const running = [intake, routing, restarted ?? (monitoringClosed ? null : monitoring)].filter(
      (service) => service !== null,
    );
    await waitFor(
      async () => running.every((service) => service.app.get(Clock, { strict: false }).now() >= at(local)),
      5_000,
      `every service at ${local}`,
    );
  }
  let monitoringClosed = false;
  const monitoringUrl = () => (restarted ?? monitoring).url;

  beforeAll(async () => {
    await redis.connect();
    await resetBroker(broker);
    simulated['KAFKA_BROKERS'] = (await startBroker(broker)).brokers;
    // Friday 28 August 2026, 15:30 in Huế, after the 15:00 cut-off; time stands still until moved.
    await setSimulatedClock(redis, at('2026-08-28T15:30'), { key: clockKey, force: true });
    await setSimulatedRate(redis, 0, { key: clockKey });
    [intake, routing, monitoring] = await Promise.all([
      startServiceWithDatabase(intakeService, intakeSchema, simulated),
      startServiceWithDatabase(routingService, routingSchema, simulated),
      startServiceWithDatabase(taskMonitoringService, taskMonitoringSchema, {
        ...simulated,
        DEADLINE_SCAN_INTERVAL_MS: '200',
      }),
    ]);
    tokens.desk = await tokenFor('desk-officer', UNIT, '46', 'desk-px');
    tokens.specialist = await tokenFor('specialist', UNIT, '46', 'specialist-px');
    tokens.leader = await tokenFor('unit-leader', UNIT, '46', 'leader-px');
    tokens.otherUnit = await tokenFor('specialist', '19774', '46', 'specialist-kl');
    tokens.province = await tokenFor('province-leader', undefined, '46', 'province-leader');
    const admin = await tokenFor('province-admin', undefined, '46', 'admin');
    await request(routing.url)
      .put(`/api/v1/units/${UNIT}/officers/specialist-px`)
      .auth(admin, { type: 'bearer' })
      .send({ roles: ['specialist'], active: true })
      .expect(200);
  }, 180_000);

  afterAll(async () => {
    // The first replica was closed for the restart; its database stays until the end.
    await restarted?.close();
    await Promise.all([
      intake?.close(),
      routing?.close(),
      restarted ? monitoring.database.drop() : monitoring?.close(),
    ]);
    await redis.del(clockKey);
    await redis.close();
    await stopBroker(broker);
  }, 60_000);

  async function file(procedureCode: string, document: string) {
    const filing = {
      procedureCode,
      receivingUnitCode: UNIT,
      channel: 'counter',
      applicant: {
        name: 'Hoàng Văn Nam',
        citizenId: '046090001111',
        phone: '0912000111',
        email: null,
        address: { line: '2 Lê Lợi', communeCode: UNIT },
      },
      documents: [{ type: document, fileName: `${document}.pdf`, sha256: 'b'.repeat(64), size: 80_000 }],
    };
    const response = await request(intake.url)
      .post('/api/v1/dossiers')
      .auth(tokens.desk, { type: 'bearer' })
      .set('Idempotency-Key', randomBytes(6).toString('hex'))
      .send(filing)
      .expect(201);
    return response.body as { id: string; code: string; appointmentDate: string; dueAt: string };
  }

  const clockOf = async (
    dossierId: string,
  ): Promise<{ state: string; due_at: Date | null; assignee_id: string | null; step: string } | undefined> =>
    (
      await monitoring.database.dataSource.query(
        'SELECT state, due_at, assignee_id, step FROM dossier_clocks WHERE dossier_id = $1',
        [dossierId],
      )
    )[0];

  /** The task events about a dossier, read from Kafka until `until` holds. */
  async function taskEvents(
    dossierId: string,
    until: (types: string[]) => boolean,
  ): Promise<Array<{ type: string; occurredAt: string; payload: Record<string, unknown> }>> {
    const messages = await readTopic(
      TOPICS.task,
      (key) => key === dossierId,
      (read) => until(read.map((m) => JSON.parse(m.value).type)),
      {
        brokers: simulated['KAFKA_BROKERS'].split(','),
      },
    );
    return messages.map((m) => JSON.parse(m.value));
  }

  /** An action on a dossier in routing, at the version it has now. */
  async function act(dossierId: string, token: string, action: string, reason?: string): Promise<void> {
    const { version } = (
      await request(routing.url)
        .get(`/api/v1/dossiers/${dossierId}`)
        .auth(tokens.leader, { type: 'bearer' })
        .expect(200)
    ).body;
    await request(routing.url)
      .post(`/api/v1/dossiers/${dossierId}/actions`)
      .auth(token, { type: 'bearer' })
      .send({ version, action, reason })
      .expect(200);
  }

  const deadlines = (token: string, query = '') =>
    request(monitoringUrl()).get(`/api/v1/deadlines${query}`).auth(token, { type: 'bearer' });

  let dossier: { id: string; code: string };
  /** Two more dossiers of the same day, accepted: one ends before its deadline, one after. */
  let onTime: { id: string };
  let late: { id: string };

  it('gives a 3-working-day dossier filed on Friday after 15:00 its deadline past the weekend and the holidays', async () => {
    const filed = await file('HKD-DANGKY', 'registration-application');
    dossier = filed;
    // Counting starts Monday 31 August; 2 and 3 September are the National Day holidays.
    expect(filed.appointmentDate).toBe('2026-09-04');
    await waitFor(
      async () => (await clockOf(filed.id))?.assignee_id === 'specialist-px',
      30_000,
      'the clock started and the dossier assigned',
    );
    expect(await clockOf(filed.id)).toMatchObject({
      state: 'running',
      due_at: at('2026-09-04T17:30'),
      step: 'acceptance',
    });
    expect((await deadlines(tokens.specialist).expect(200)).body.items).toEqual([]);

    [onTime, late] = [
      await file('HKD-DANGKY', 'registration-application'),
      await file('HKD-DANGKY', 'registration-application'),
    ];
    for (const other of [onTime, late]) {
      await waitFor(
        async () => (await clockOf(other.id))?.assignee_id === 'specialist-px',
        30_000,
        'the other dossiers assigned',
      );
      await act(other.id, tokens.specialist, 'accept');
      await waitFor(
        async () => (await clockOf(other.id))?.step === 'processing',
        30_000,
        'the other dossiers accepted',
      );
    }
  });

  it('warns one working day before the deadline, and only then', async () => {
    await moveTo('2026-09-01T17:29');
    // The acceptance step had 2 h 24 min from Monday 07:30: that alarm is due already.
    const early = await taskEvents(dossier.id, (types) => types.includes('StepOverdue'));
    expect(early.map((e) => e.type)).toEqual(['StepOverdue']);
    expect(early[0]).toMatchObject({
      occurredAt: at('2026-08-31T09:54').toISOString(),
      payload: { step: 'acceptance', unitCode: UNIT, assigneeId: 'specialist-px' },
    });
    expect((await deadlines(tokens.specialist).expect(200)).body.items).toEqual([]);

    await moveTo('2026-09-01T17:31');
    const warned = await taskEvents(dossier.id, (types) => types.includes('DossierDueSoon'));
    expect(warned.find((e) => e.type === 'DossierDueSoon')).toMatchObject({
      occurredAt: at('2026-09-01T17:30').toISOString(),
      payload: {
        dossierId: dossier.id,
        code: dossier.code,
        unitCode: UNIT,
        assigneeId: 'specialist-px',
        dueAt: at('2026-09-04T17:30').toISOString(),
      },
    });
    const listed = await deadlines(tokens.specialist, '?state=due-soon&limit=2').expect(200);
    expect(listed.body.items).toHaveLength(2);
    const rest = await deadlines(tokens.specialist, `?state=due-soon&cursor=${listed.body.nextCursor}`).expect(200);
    expect(rest.body.nextCursor).toBeNull();
    const dueSoon = [...listed.body.items, ...rest.body.items];
    expect(new Set(dueSoon.map((item: { dossierId: string }) => item.dossierId))).toEqual(
      new Set([dossier.id, onTime.id, late.id]),
    );
    expect(dueSoon.find((item: { dossierId: string }) => item.dossierId === dossier.id)).toMatchObject({
      state: 'due-soon',
      assigneeId: 'specialist-px',
    });
    expect((await deadlines(tokens.specialist, '?state=overdue').expect(200)).body.items).toEqual([]);
  });

  it('announces the missed deadline and the escalation after a restart, without repeating the warning', async () => {
    await monitoring.app.close();
    monitoringClosed = true;
    // While the service is down: one dossier ends before its deadline (Friday 17:30), one after it,
    // and the first dossier's deadline and the leader's threshold (4 working hours later) pass.
    await moveTo('2026-09-04T10:00');
    await act(onTime.id, tokens.leader, 'stop', 'Người nộp đề nghị dừng giải quyết');
    await moveTo('2026-09-07T09:00');
    await act(late.id, tokens.leader, 'stop', 'Hồ sơ không đủ điều kiện');
    await moveTo('2026-09-07T12:00');
    restarted = await startTestService(taskMonitoringService, {
      ...simulated,
      DATABASE_URL: monitoring.database.url,
      KAFKA_GROUP_ID: monitoring.env.KAFKA_GROUP_ID!,
      DEADLINE_SCAN_INTERVAL_MS: '200',
    });
    const events = await taskEvents(
      dossier.id,
      (types) => types.includes('DossierOverdue') && types.includes('DossierEscalated'),
    );
    expect(events.find((e) => e.type === 'DossierOverdue')).toMatchObject({
      occurredAt: at('2026-09-04T17:30').toISOString(),
    });
    expect(events.find((e) => e.type === 'DossierEscalated')).toMatchObject({
      occurredAt: at('2026-09-07T11:30').toISOString(),
      payload: { level: 'unit-leader', unitCode: UNIT },
    });
    // The dossier ended after its deadline was late, once; the one ended in time was not, though
    // both ends were still waiting in Kafka when the service came back.
    const lateEvents = await taskEvents(late.id, (types) => types.includes('DossierOverdue'));
    expect(lateEvents.filter((e) => e.type === 'DossierOverdue')).toEqual([
      expect.objectContaining({ occurredAt: at('2026-09-04T17:30').toISOString() }),
    ]);
    await waitFor(
      async () => (await clockOf(onTime.id))?.state === 'closed',
      30_000,
      'the dossier ended in time closed',
    );
    const ended = await monitoring.database.dataSource.query(
      'SELECT dossier_id, overdue_fired, escalation_level FROM dossier_clocks WHERE dossier_id = ANY($1) ORDER BY dossier_id',
      [[onTime.id, late.id]],
    );
    expect(ended).toEqual(
      expect.arrayContaining([
        { dossier_id: onTime.id, overdue_fired: false, escalation_level: 0 },
        { dossier_id: late.id, overdue_fired: true, escalation_level: 0 },
      ]),
    );

    await moveTo('2026-09-07T12:30');
    const overdue = await deadlines(tokens.leader, '?state=overdue').expect(200);
    expect(overdue.body.items).toEqual([expect.objectContaining({ dossierId: dossier.id, state: 'overdue' })]);
    const queue = await request(monitoringUrl())
      .get('/api/v1/escalations')
      .auth(tokens.leader, { type: 'bearer' })
      .expect(200);
    expect(queue.body.items).toEqual([
      expect.objectContaining({ dossierId: dossier.id, level: 'unit-leader', resolvedAt: null }),
    ]);
    // Another commune sees none of it; a specialist has no escalation queue.
    expect((await deadlines(tokens.otherUnit).expect(200)).body.items).toEqual([]);
    await deadlines(tokens.otherUnit, `?unit=${UNIT}`).expect(403);
    await request(monitoringUrl()).get('/api/v1/escalations').auth(tokens.specialist, { type: 'bearer' }).expect(403);
  });

  it('records the apology with a new appointment, tells the applicant, and counted every alarm once', async () => {
    const url = `/api/v1/dossiers/${dossier.id}/apology`;
    const bad = await request(monitoringUrl())
      .post(url)
      .auth(tokens.leader, { type: 'bearer' })
      .send({ reason: 'short', newAppointmentDate: '11/9/2026', extra: 1 })
      .expect(400);
    expect(new Set(bad.body.errors.map((e: { field: string }) => e.field))).toEqual(
      new Set(['reason', 'newAppointmentDate', 'extra']),
    );
    const reason = 'Cần xác minh thêm địa điểm kinh doanh';
    const saturday = await request(monitoringUrl())
      .post(url)
      .auth(tokens.leader, { type: 'bearer' })
      .send({ reason, newAppointmentDate: '2026-09-12' })
      .expect(400);
    expect(saturday.body.errors).toEqual([
      { field: 'newAppointmentDate', code: 'workingDay', message: 'must be a working day' },
    ]);
    await request(monitoringUrl())
      .post(url)
      .auth(tokens.leader, { type: 'bearer' })
      .send({ reason, newAppointmentDate: '2026-09-07' })
      .expect(400);
    for (const impossible of ['2026-02-30', '9999-12-31']) {
      const refused = await request(monitoringUrl())
        .post(url)
        .auth(tokens.leader, { type: 'bearer' })
        .send({ reason, newAppointmentDate: impossible })
        .expect(400);
      expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['newAppointmentDate']);
    }
    await request(monitoringUrl())
      .post('/api/v1/dossiers/not-a-dossier/apology')
      .auth(tokens.leader, { type: 'bearer' })
      .send({ reason, newAppointmentDate: '2026-09-11' })
      .expect(400);
    await request(monitoringUrl())
      .post(url)
      .auth(tokens.specialist, { type: 'bearer' })
      .send({ reason, newAppointmentDate: '2026-09-11' })
      .expect(403);
    await request(monitoringUrl())
      .post(`/api/v1/dossiers/${randomUUID()}/apology`)
      .auth(tokens.leader, { type: 'bearer' })
      .send({ reason, newAppointmentDate: '2026-09-11' })
      .expect(404);
    expect(await monitoring.database.dataSource.query('SELECT 1 FROM apologies')).toHaveLength(0);

    const apology = await request(monitoringUrl())
      .post(url)
      .auth(tokens.leader, { type: 'bearer' })
      .send({ reason, newAppointmentDate: '2026-09-11' })
      .expect(201);
    expect(apology.body).toMatchObject({
      newAppointmentDate: '2026-09-11',
      newDueAt: at('2026-09-11T17:30').toISOString(),
      previousDueAt: at('2026-09-04T17:30').toISOString(),
      approvedBy: 'leader-px',
    });
    expect((await deadlines(tokens.leader, '?state=overdue').expect(200)).body.items).toEqual([]);
    expect(
      (await request(monitoringUrl()).get('/api/v1/escalations').auth(tokens.leader, { type: 'bearer' }).expect(200))
        .body.items,
    ).toEqual([]);

    // Routing's work queue follows the new appointment, and the dossier's history records the apology.
    const routed = async () =>
      (
        await request(routing.url)
          .get(`/api/v1/dossiers/${dossier.id}`)
          .auth(tokens.leader, { type: 'bearer' })
          .expect(200)
      ).body;
    await waitFor(
      async () => (await routed()).dueAt === at('2026-09-11T17:30').toISOString(),
      30_000,
      'the new deadline in routing',
    );
    const history = await request(routing.url)
      .get(`/api/v1/dossiers/${dossier.id}/history`)
      .auth(tokens.leader, { type: 'bearer' })
      .expect(200);
    expect(history.body.items.at(-1)).toMatchObject({ action: 'apology', reason, actorId: 'leader-px' });

    // The applicant's public look-up at intake shows the new appointment.
    const lookUp = async () =>
      (await request(intake.url).get(`/api/v1/dossiers/${dossier.code}/status?phone=0111`).expect(200)).body;
    await waitFor(
      async () => (await lookUp()).appointmentDate === '2026-09-11',
      30_000,
      'the new appointment in the public look-up',
    );

    // The apology is the last event about the dossier: everything before it on Kafka is final.
    const events = await taskEvents(dossier.id, (types) => types.includes('DossierApologyIssued'));
    expect(events.map((e) => e.type).sort()).toEqual([
      'DossierApologyIssued',
      'DossierDueSoon',
      'DossierEscalated',
      'DossierOverdue',
      'StepOverdue',
    ]);
    expect(events.find((e) => e.type === 'DossierApologyIssued')).toMatchObject({
      payload: {
        reason,
        newAppointmentDate: '2026-09-11',
        newDueAt: at('2026-09-11T17:30').toISOString(),
        approvedBy: 'leader-px',
      },
    });
  });

  it('moves the deadline by the working time a supplement request paused it', async () => {
    await moveTo('2026-09-07T13:00');
    // 20 working days from Monday 7 September 13:30 (the afternoon shift): Monday 5 October 11:30.
    const land = await file('DD-DANGKY-LANDAU', 'registration-form');
    expect(land.appointmentDate).toBe('2026-10-05');
    await waitFor(
      async () => (await clockOf(land.id))?.assignee_id === 'specialist-px',
      30_000,
      'the land dossier assigned',
    );
    expect((await clockOf(land.id))?.due_at).toEqual(at('2026-10-05T11:30'));
    await moveTo('2026-09-07T14:00');
    await act(land.id, tokens.specialist, 'accept');
    await act(land.id, tokens.specialist, 'request-supplement', 'Thiếu bản sao giấy tờ về quyền sử dụng đất');
    await waitFor(async () => (await clockOf(land.id))?.state === 'paused', 30_000, 'the clock paused');
    // A week later (five working days) the citizen brings the paper, before the 15:00 cut-off: the
    // deadline moves by those five working days.
    await moveTo('2026-09-14T14:00');
    await act(land.id, tokens.desk, 'supplement-received');
    await waitFor(async () => (await clockOf(land.id))?.state === 'running', 30_000, 'the clock running again');
    expect((await clockOf(land.id))?.due_at).toEqual(at('2026-10-12T11:30'));
    // Routing keeps the same deadline for the officer's work queue.
    const item = await request(routing.url)
      .get(`/api/v1/dossiers/${land.id}`)
      .auth(tokens.specialist, { type: 'bearer' })
      .expect(200);
    expect(item.body.dueAt).toBe(at('2026-10-12T11:30').toISOString());
  });
});
