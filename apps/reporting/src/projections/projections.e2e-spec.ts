import {
  DocumentSigned,
  NotificationUndeliverable,
  DossierApologyIssued,
  DossierOverdue,
  DossierRefusedAtIntake,
  DossierRouted,
  DossierStatusChanged,
  DossierStatusCode,
  EnvelopeOf,
  EventEnvelope,
  ServiceName,
  TaskAssigned,
  TaskAtRisk,
  TaskOverdue,
  TaskProgressReported,
  TOPICS,
} from '@onestop/contracts';
import { createEvent } from '@onestop/messaging';
import { PlatformEnv } from '@onestop/platform';
import {
  dossierReceivedEvent,
  publishEvents,
  sealedForTests,
  ServiceUnderTest,
  startServiceWithDatabase,
  testKafkaBrokers,
  waitFor,
} from '@onestop/testing';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { randomBytes, randomUUID } from 'node:crypto';
import { reportingSchema } from '../database/schema';
import { reportingService } from '../service';
import { COUNTERS, CounterIncrements, STOCK_CHANGES } from '../read-model/counters';

const APPLICANT = { name: 'Tôn Nữ Thị Hạnh', phone: '0934777123' };
const PROCEDURE = 'HKD-DANGKY';

/** Own unit codes, so another test's events on the shared topics never land in these rows. */
const DESK = `A${randomBytes(3).toString('hex')}`;
const UNIT = `B${randomBytes(3).toString('hex')}`;

const origin = (source: ServiceName, dossierId: string) => ({
  source,
  actor: { kind: 'system' as const, id: 'test' },
  correlationId: dossierId,
  causationId: null,
});

function received(at: string, channel: 'online' | 'counter') {
  const event = dossierReceivedEvent({ unitCode: DESK, at: new Date(at), applicant: APPLICANT });
  return { ...event, payload: { ...event.payload, channel } };
}

type Received = ReturnType<typeof received>;
type Change = {
  from: DossierStatusCode | null;
  to: DossierStatusCode;
  action: string;
  dueAt?: string | null;
  resultChannel?: 'counter' | 'electronic';
};

function statusChanged(dossier: Received, at: string, change: Change, source: ServiceName = 'routing') {
  const { dossierId, code } = dossier.payload;
  const payload = {
    dossierId,
    code,
    provinceCode: '46',
    procedureCode: PROCEDURE,
    receivingUnitCode: DESK,
    unitCode: source === 'routing' ? UNIT : null,
    reason: null,
    dueAt: null,
    resultChannel: null,
    ...change,
  };
  return createEvent(DossierStatusChanged, dossierId, payload, origin(source, dossierId), new Date(at));
}

function routed(dossier: Received, at: string, dueAt: string) {
  const { dossierId, code } = dossier.payload;
  return createEvent(
    DossierRouted,
    dossierId,
    { dossierId, code, unitCode: UNIT, assigneeId: 'officer-1', dueAt },
    origin('routing', dossierId),
    new Date(at),
  );
}

function signed(dossier: Received, at: string) {
  const { dossierId } = dossier.payload;
  const payload = {
    requestId: randomUUID(),
    dossierId,
    documentId: randomUUID(),
    sha256: 'a'.repeat(64),
    signerId: 'leader-1',
    certificateSerial: '01',
    level: 'B-T' as const,
    signedAt: at,
  };
  return createEvent(DocumentSigned, payload.documentId, payload, origin('digital-signature', dossierId), new Date(at));
}

/** A counters row as the table holds it: every counter the events did not touch is zero. */
const countersRow = (unitCode: string, day: string, counts: CounterIncrements) => ({
  province_code: '46',
  unit_code: unitCode,
  procedure_code: PROCEDURE,
  day,
  ...Object.fromEntries([...COUNTERS, ...STOCK_CHANGES].map((counter) => [counter, counts[counter] ?? 0])),
});

// Tuesday 24 November 2026 in Huế (UTC+7); office hours 07:30–11:30 and 13:30–17:30.
const onTime = received('2026-11-24T02:00:00Z', 'counter');
const late = received('2026-11-24T02:00:00Z', 'online');
const stopped = received('2026-11-24T03:00:00Z', 'counter');
// 00:30 on Wednesday 25 local time: received on the 25th.
const electronic = received('2026-11-24T17:30:00Z', 'online');
const refusedId = randomUUID();
const refusedCode = `${DESK}-261124-0009`;

const dossierEvents: EventEnvelope[] = [
  onTime,
  routed(onTime, '2026-11-24T03:00:00Z', '2026-11-27T02:00:00Z'),
  statusChanged(onTime, '2026-11-24T03:05:00Z', { from: 2, to: 4, action: 'accept', dueAt: '2026-11-27T02:00:00Z' }),
  statusChanged(onTime, '2026-11-25T07:00:00Z', { from: 4, to: 4, action: 'approve', dueAt: '2026-11-27T02:00:00Z' }),
  statusChanged(onTime, '2026-11-25T08:00:00Z', {
    from: 4,
    to: 9,
    action: 'result-signed',
    dueAt: '2026-11-27T02:00:00Z',
  }),
  statusChanged(onTime, '2026-11-26T02:00:00Z', { from: 9, to: 10, action: 'return-result', resultChannel: 'counter' }),

  late,
  // Intake's own acceptance of the online filing: already counted by DossierReceived.
  statusChanged(
    late,
    '2026-11-24T02:00:00Z',
    { from: 1, to: 2, action: 'receive', dueAt: '2026-11-27T02:00:00Z' },
    'intake',
  ),
  routed(late, '2026-11-24T03:00:00Z', '2026-11-27T02:00:00Z'),
  statusChanged(late, '2026-11-24T03:05:00Z', { from: 2, to: 4, action: 'accept', dueAt: '2026-11-27T02:00:00Z' }),
  statusChanged(late, '2026-11-30T02:00:00Z', {
    from: 4,
    to: 9,
    action: 'result-signed',
    dueAt: '2026-11-27T10:30:00Z',
  }),

  stopped,
  routed(stopped, '2026-11-24T04:00:00Z', '2026-11-27T03:00:00Z'),
  statusChanged(stopped, '2026-11-24T04:05:00Z', { from: 2, to: 4, action: 'accept', dueAt: '2026-11-27T03:00:00Z' }),
  statusChanged(stopped, '2026-11-25T02:00:00Z', { from: 4, to: 5, action: 'request-supplement' }),
  statusChanged(stopped, '2026-11-26T02:00:00Z', {
    from: 5,
    to: 4,
    action: 'supplement-received',
    dueAt: '2026-11-30T03:00:00Z',
  }),
  statusChanged(stopped, '2026-11-26T04:00:00Z', { from: 4, to: 5, action: 'request-supplement' }),
  statusChanged(stopped, '2026-11-27T03:00:00Z', { from: 5, to: 8, action: 'stop' }),

  createEvent(
    DossierRefusedAtIntake,
    refusedId,
    {
      dossierId: refusedId,
      code: refusedCode,
      provinceCode: '46',
      receivingUnitCode: DESK,
      procedure: { code: PROCEDURE, name: { vi: 'Đăng ký hộ kinh doanh', en: 'Household business registration' } },
      applicant: {
        accountSubject: null,
        contact: sealedForTests({ ...APPLICANT, email: null }, DossierRefusedAtIntake.type, refusedId),
      },
      reasons: 'Thiếu giấy tờ',
      refusedAt: '2026-11-24T05:00:00.000Z',
    },
    origin('intake', refusedId),
    new Date('2026-11-24T05:00:00Z'),
  ),
  createEvent(
    DossierStatusChanged,
    refusedId,
    {
      dossierId: refusedId,
      code: refusedCode,
      provinceCode: '46',
      procedureCode: PROCEDURE,
      receivingUnitCode: DESK,
      unitCode: null,
      from: null,
      to: 3,
      action: 'refuse',
      reason: 'Thiếu giấy tờ',
      dueAt: null,
      resultChannel: null,
    },
    origin('intake', refusedId),
    new Date('2026-11-24T05:00:00Z'),
  ),

  electronic,
  statusChanged(
    electronic,
    '2026-11-24T17:30:00Z',
    { from: 1, to: 2, action: 'receive', dueAt: '2026-11-27T17:30:00Z' },
    'intake',
  ),
  routed(electronic, '2026-11-24T18:00:00Z', '2026-11-27T17:30:00Z'),
  statusChanged(electronic, '2026-11-25T01:00:00Z', {
    from: 2,
    to: 4,
    action: 'accept',
    dueAt: '2026-11-27T17:30:00Z',
  }),
  statusChanged(electronic, '2026-11-26T02:00:00Z', {
    from: 4,
    to: 4,
    action: 'approve',
    dueAt: '2026-11-27T17:30:00Z',
  }),
  statusChanged(electronic, '2026-11-26T03:00:00Z', {
    from: 4,
    to: 9,
    action: 'result-signed',
    dueAt: '2026-11-27T17:30:00Z',
  }),
  statusChanged(electronic, '2026-11-26T04:00:00Z', {
    from: 9,
    to: 10,
    action: 'return-result',
    resultChannel: 'electronic',
  }),
];

const signatureEvents: EventEnvelope[] = [
  signed(onTime, '2026-11-25T07:50:00Z'),
  signed(electronic, '2026-11-26T02:55:00Z'),
];

/** The SMS telling the late dossier's applicant of its apology never arrived (10:00 on the 26th). */
const undeliverableId = randomUUID();
const notificationEvents: EventEnvelope[] = [
  createEvent(
    NotificationUndeliverable,
    undeliverableId,
    {
      deliveryId: undeliverableId,
      eventId: randomUUID(),
      kind: 'apology',
      channel: 'sms',
      critical: true,
      dossierId: late.payload.dossierId,
      dossierCode: late.payload.code,
      state: 'permanent-failure',
      reason: 'number not in service',
      attempts: 1,
    },
    origin('notification', undeliverableId),
    new Date('2026-11-26T03:00:00Z'),
  ),
  // A notice about no dossier (a task reminder) counts nowhere.
  createEvent(
    NotificationUndeliverable,
    undeliverableId,
    {
      deliveryId: randomUUID(),
      eventId: randomUUID(),
      kind: 'task-reminder',
      channel: 'email',
      critical: false,
      dossierId: null,
      dossierCode: null,
      state: 'technical-failure',
      reason: 'mailbox full',
      attempts: 5,
    },
    origin('notification', undeliverableId),
    new Date('2026-11-26T03:00:00Z'),
  ),
];

const lateId = late.payload.dossierId;
const deadline = {
  dossierId: lateId,
  code: late.payload.code,
  provinceCode: '46',
  unitCode: UNIT,
  assigneeId: 'officer-1',
};
const taskId = randomUUID();
const [ahead, behind] = [`C1${randomBytes(3).toString('hex')}`, `C2${randomBytes(3).toString('hex')}`];
const standing = (communeCode: string, value: number, status: EnvelopeOf<typeof TaskAtRisk>['payload']['status']) => ({
  taskId,
  provinceCode: '46',
  communeCode,
  title: 'Số hoá hồ sơ',
  value,
  targetValue: 100,
  dueDate: '2026-12-31',
  status,
});
const taskOrigin = origin('task-monitoring', taskId);

const taskEvents: EventEnvelope[] = [
  createEvent(
    DossierApologyIssued,
    lateId,
    {
      ...deadline,
      reason: 'Cần xác minh',
      newAppointmentDate: '2026-11-27',
      newDueAt: '2026-11-27T10:30:00.000Z',
      approvedBy: 'leader-1',
    },
    origin('task-monitoring', lateId),
    new Date('2026-11-26T08:00:00Z'),
  ),
  createEvent(
    DossierOverdue,
    lateId,
    { ...deadline, dueAt: '2026-11-27T10:30:00.000Z' },
    origin('task-monitoring', lateId),
    new Date('2026-11-27T10:30:00Z'),
  ),
  createEvent(
    TaskAssigned,
    taskId,
    {
      taskId,
      provinceCode: '46',
      title: 'Số hoá hồ sơ',
      indicator: 'digitised-share',
      targetValue: 100,
      dueDate: '2026-12-31',
      communeCodes: [ahead, behind],
      assignedBy: 'leader-1',
    },
    taskOrigin,
    new Date('2026-11-02T01:00:00Z'),
  ),
  createEvent(
    TaskProgressReported,
    taskId,
    { ...standing(ahead, 60, 'on-track'), reportId: randomUUID(), reportedBy: 'officer-2' },
    taskOrigin,
    new Date('2026-11-20T03:00:00Z'),
  ),
  createEvent(TaskAtRisk, taskId, standing(behind, 0, 'at-risk'), taskOrigin, new Date('2026-11-21T00:00:00Z')),
  createEvent(TaskOverdue, taskId, standing(behind, 10, 'overdue'), taskOrigin, new Date('2027-01-01T00:00:00Z')),
];

describe('reporting read model, projected from the event log', () => {
  jest.setTimeout(90_000);
  let reporting: ServiceUnderTest<PlatformEnv>;
  let producer: Producer;

  const query = <T = Record<string, unknown>>(sql: string, parameters: unknown[] = []): Promise<T[]> =>
    reporting.database.dataSource.query(sql, parameters);
  const publish = (topic: string, events: EventEnvelope[]) => publishEvents(producer, topic, events);
  const asJson = <T>(rows: T): T => JSON.parse(JSON.stringify(rows));
  const facts = async () =>
    asJson(
      await query(
        `SELECT * FROM dossier_facts WHERE receiving_unit_code = $1 ORDER BY received_at NULLS LAST, finished_at`,
        [DESK],
      ),
    );
  const counters = async () =>
    query(
      `SELECT province_code, unit_code, procedure_code, to_char(day, 'YYYY-MM-DD') AS day, ${[...COUNTERS, ...STOCK_CHANGES].join(', ')} FROM daily_counters WHERE unit_code = ANY($1) ORDER BY unit_code, day`,
      [[DESK, UNIT]],
    );
  const taskStandings = async () =>
    asJson(
      await query(
        `SELECT commune_code, value::float AS value, status, at_risk_at, overdue_at, updated_at FROM task_commune_facts WHERE task_id = $1 ORDER BY commune_code`,
        [taskId],
      ),
    );
  const duplicatesSkipped = async () => {
    const metrics = await (await fetch(`${reporting.url}/metrics`)).text();
    return Number(/inbox_events_duplicate_total\{[^}]*\} (\d+)/.exec(metrics)?.[1] ?? 0);
  };

  beforeAll(async () => {
    reporting = await startServiceWithDatabase(reportingService, reportingSchema, { KAFKA_CONSUMER_START: 'latest' });
    producer = new Kafka({
      clientId: 'reporting-e2e',
      brokers: testKafkaBrokers(),
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
  }, 90_000);

  afterAll(async () => {
    await producer?.disconnect();
    await reporting?.close();
  });

  it('keeps one fact per dossier and counts each outcome on its local day, for the unit it belongs to', async () => {
    await publish(TOPICS.dossier, dossierEvents);
    await waitFor(
      async () => (await facts()).map((fact) => fact['status']).join() === '10,9,8,10,3',
      30_000,
      'every dossier at its last status',
    );
    // Signatures and deadline events travel on other topics: sent once the dossiers are known here.
    await publish(TOPICS.signature, signatureEvents);
    await publish(TOPICS.task, taskEvents);
    await publish(TOPICS.notification, notificationEvents);
    await waitFor(
      async () => (await facts()).filter((fact) => fact['signed_result'] || fact['overdue_flagged']).length === 3,
      30_000,
      'signatures and the overdue dossier',
    );
    await waitFor(
      async () => (await facts()).some((fact) => fact['undeliverable_notices'] === 1),
      30_000,
      'the undeliverable notice',
    );
    await waitFor(async () => (await taskStandings()).some((row) => row['overdue_at']), 30_000, 'the overdue task');

    const none = {
      refused_at: null,
      returned_at: null,
      on_time: null,
      processing_minutes: null,
      supplement_count: 0,
      apology_count: 0,
      overdue_flagged: false,
      electronic_result: false,
      signed_result: false,
      undeliverable_notices: 0,
    };
    const common = {
      province_code: '46',
      receiving_unit_code: DESK,
      procedure_code: PROCEDURE,
      field_code: 'business-registration',
    };
    // Who holds it is routing's last word; the last action tells the step it ended at.
    const routed = (lastAction: string) => ({ assignee_id: 'officer-1', last_action: lastAction });
    expect(await facts()).toEqual([
      {
        ...common,
        ...none,
        dossier_id: onTime.payload.dossierId,
        code: onTime.payload.code,
        unit_code: UNIT,
        channel: 'counter',
        received_at: '2026-11-24T02:00:00.000Z',
        due_at: null,
        status: 10,
        finished_at: '2026-11-25T08:00:00.000Z',
        returned_at: '2026-11-26T02:00:00.000Z',
        on_time: true,
        // Tuesday 09:00–17:30 and Wednesday 07:30–15:00, office hours only.
        processing_minutes: 720,
        signed_result: true,
        ...routed('return-result'),
        last_event_at: '2026-11-26T02:00:00.000Z',
      },
      {
        ...common,
        ...none,
        dossier_id: lateId,
        code: late.payload.code,
        unit_code: UNIT,
        channel: 'online',
        received_at: '2026-11-24T02:00:00.000Z',
        due_at: '2026-11-27T10:30:00.000Z',
        status: 9,
        finished_at: '2026-11-30T02:00:00.000Z',
        on_time: false,
        // Tuesday from 09:00, three full days, Monday until 09:00.
        processing_minutes: 1920,
        apology_count: 1,
        overdue_flagged: true,
        undeliverable_notices: 1,
        ...routed('result-signed'),
        last_event_at: '2026-11-30T02:00:00.000Z',
      },
      {
        ...common,
        ...none,
        dossier_id: stopped.payload.dossierId,
        code: stopped.payload.code,
        unit_code: UNIT,
        channel: 'counter',
        received_at: '2026-11-24T03:00:00.000Z',
        due_at: null,
        status: 8,
        finished_at: '2026-11-27T03:00:00.000Z',
        supplement_count: 2,
        ...routed('stop'),
        last_event_at: '2026-11-27T03:00:00.000Z',
      },
      {
        ...common,
        ...none,
        dossier_id: electronic.payload.dossierId,
        code: electronic.payload.code,
        unit_code: UNIT,
        channel: 'online',
        received_at: '2026-11-24T17:30:00.000Z',
        due_at: null,
        status: 10,
        finished_at: '2026-11-26T03:00:00.000Z',
        returned_at: '2026-11-26T04:00:00.000Z',
        on_time: true,
        // Wednesday's full day and Thursday 07:30–10:00.
        processing_minutes: 630,
        electronic_result: true,
        signed_result: true,
        ...routed('return-result'),
        last_event_at: '2026-11-26T04:00:00.000Z',
      },
      {
        ...common,
        ...none,
        dossier_id: refusedId,
        code: refusedCode,
        unit_code: DESK,
        channel: null,
        received_at: null,
        due_at: null,
        status: 3,
        refused_at: '2026-11-24T05:00:00.000Z',
        finished_at: null,
        assignee_id: null,
        last_action: null,
        last_event_at: '2026-11-24T05:00:00.000Z',
      },
    ]);

    expect(await counters()).toEqual([
      countersRow(DESK, '2026-11-24', { received: 3, received_online: 1, refused: 1 }),
      countersRow(DESK, '2026-11-25', { received: 1, received_online: 1 }),
      // Open stocks belong to the processing unit: three dossiers open on the 24th, one more on the
      // 25th as one closes; the late one overdue from its deadline's day (27th) until its result.
      countersRow(UNIT, '2026-11-24', { open_change: 3 }),
      countersRow(UNIT, '2026-11-25', {
        resolved: 1,
        resolved_on_time: 1,
        processing_minutes_sum: 720,
        signed_results: 1,
      }),
      countersRow(UNIT, '2026-11-26', {
        resolved: 1,
        resolved_on_time: 1,
        processing_minutes_sum: 630,
        returned: 2,
        returned_electronic: 1,
        signed_results: 1,
        apologies: 1,
        undeliverable_notices: 1,
        open_change: -1,
      }),
      countersRow(UNIT, '2026-11-27', { stopped: 1, overdue_events: 1, open_change: -1, overdue_open_change: 1 }),
      countersRow(UNIT, '2026-11-30', {
        resolved: 1,
        resolved_late: 1,
        processing_minutes_sum: 1920,
        open_change: -1,
        overdue_open_change: -1,
      }),
    ]);

    expect(await taskStandings()).toEqual([
      {
        commune_code: ahead,
        value: 60,
        status: 'on-track',
        at_risk_at: null,
        overdue_at: null,
        updated_at: '2026-11-20T03:00:00.000Z',
      },
      {
        commune_code: behind,
        value: 10,
        status: 'overdue',
        at_risk_at: '2026-11-21T00:00:00.000Z',
        overdue_at: '2027-01-01T00:00:00.000Z',
        updated_at: '2027-01-01T00:00:00.000Z',
      },
    ]);
  });

  it('changes nothing when every event is delivered a second time', async () => {
    const before = { facts: await facts(), counters: await counters(), tasks: await taskStandings() };
    const skippedBefore = await duplicatesSkipped();
    await publish(TOPICS.dossier, dossierEvents);
    await publish(TOPICS.signature, signatureEvents);
    await publish(TOPICS.task, taskEvents);
    await publish(TOPICS.notification, notificationEvents);
    const all = dossierEvents.length + signatureEvents.length + taskEvents.length + notificationEvents.length;
    await waitFor(
      async () => (await duplicatesSkipped()) - skippedBefore >= all,
      30_000,
      `the inbox to recognise ${all} redelivered events`,
    );
    expect({ facts: await facts(), counters: await counters(), tasks: await taskStandings() }).toEqual(before);
  });

  it('takes an open dossier back from the commune presumed competent when routing sends it elsewhere, leaving no row of zeros', async () => {
    const [desk, presumed, competent] = ['D', 'S', 'R'].map((prefix) => `${prefix}${randomBytes(3).toString('hex')}`);
    const receipt = dossierReceivedEvent({
      unitCode: desk,
      subjectCommuneCode: presumed,
      at: new Date('2026-11-24T02:00:00Z'),
    });
    const { dossierId, code } = receipt.payload;
    const rowsOf = async () =>
      query(
        `SELECT unit_code, to_char(day, 'YYYY-MM-DD') AS day, received, open_change, overdue_open_change FROM daily_counters WHERE unit_code = ANY($1) ORDER BY unit_code, day`,
        [[desk, presumed, competent]],
      );
    const unitOfFact = async () =>
      (await query<{ unit_code: string }>('SELECT unit_code FROM dossier_facts WHERE dossier_id = $1', [dossierId]))[0]
        ?.unit_code;

    // The desk's receipt, and the open stock of the unit answering for the dossier: open from the
    // day of receipt, overdue from the day its deadline falls (the 27th).
    const rowsWithStockAt = (unit: string) => [
      { unit_code: desk, day: '2026-11-24', received: 1, open_change: 0, overdue_open_change: 0 },
      { unit_code: unit, day: '2026-11-24', received: 0, open_change: 1, overdue_open_change: 0 },
      { unit_code: unit, day: '2026-11-27', received: 0, open_change: 0, overdue_open_change: 1 },
    ];

    // Apart, so that the transfer reaches a batch of its own and takes back what an earlier one wrote.
    await publish(TOPICS.dossier, [receipt]);
    await waitFor(async () => (await unitOfFact()) === presumed, 30_000, 'the receipt');
    expect(await rowsOf()).toEqual(rowsWithStockAt(presumed));

    const transfer = createEvent(
      DossierRouted,
      dossierId,
      { dossierId, code, unitCode: competent, assigneeId: null, dueAt: receipt.payload.dueAt },
      origin('routing', dossierId),
      new Date('2026-11-24T03:00:00Z'),
    );
    await publish(TOPICS.dossier, [transfer]);
    await waitFor(async () => (await unitOfFact()) === competent, 30_000, 'the transfer');
    expect(await rowsOf()).toEqual(rowsWithStockAt(competent));
    const months = await query(
      'SELECT unit_code, open_change, overdue_open_change FROM monthly_counters WHERE unit_code = ANY($1)',
      [[presumed, competent]],
    );
    expect(months).toEqual([{ unit_code: competent, open_change: 1, overdue_open_change: 1 }]);
  });

  it("keeps no applicant's personal data anywhere in its database", async () => {
    const columns = await query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'json', 'jsonb')`,
    );
    const found: string[] = [];
    for (const { table_name, column_name } of columns) {
      const [hit] = await query<{ found: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM "${table_name}" WHERE "${column_name}"::text LIKE ANY ($1)) AS found`,
        [[`%${APPLICANT.name}%`, `%${APPLICANT.phone}%`]],
      );
      if (hit.found) found.push(`${table_name}.${column_name}`);
    }
    expect(columns.length).toBeGreaterThan(10);
    expect(found).toEqual([]);
    const factColumns = (
      await query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'dossier_facts'`,
      )
    ).map((c) => c.column_name);
    expect(factColumns.filter((column) => /name|phone|mail|citizen|address|applicant/.test(column))).toEqual([]);
  });
});
