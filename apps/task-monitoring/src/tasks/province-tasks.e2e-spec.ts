import { EventEnvelope, PROBLEM_CONTENT_TYPE, TOPICS } from '@onestop/contracts';
import { ManualClock } from '@onestop/platform';
import {
  readTopic,
  ServiceUnderTest,
  startServiceWithDatabase,
  tokenFor,
  tokenWithRoles,
  waitFor,
} from '@onestop/testing';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { taskMonitoringSchema } from '../database/schema';
import { taskMonitoringService } from '../service';
import { TaskMonitoringEnv } from '../task-monitoring.env';

/** Communes of Huế (province 46), and one of Hà Nội. */
const PHU_XUAN = '19753';
const KIM_LONG = '19774';
const VY_DA = '19777';
const BA_DINH = '00004';

type TaskEvent = EventEnvelope<
  string,
  { communeCode?: string; status?: string; reportId?: string; communeCodes?: string[] }
>;

/** Province leaders give communes targets; communes report; time makes the laggards at risk, then overdue. */
describe('province tasks to communes', () => {
  jest.setTimeout(120_000);
  // Monday 1 June 2026, 09:00 in Huế (the reference data's communes are in force from 30 April 2026).
  const clock = new ManualClock(new Date('2026-06-01T02:00:00Z'));
  let service: ServiceUnderTest<TaskMonitoringEnv>;
  const tokens: Record<string, string> = {};
  let digitisation: { id: string };
  let inspection: { id: string };

  beforeAll(async () => {
    service = await startServiceWithDatabase(
      taskMonitoringService,
      taskMonitoringSchema,
      { DEADLINE_SCAN_INTERVAL_MS: '200', KAFKA_CONSUMER_START: 'latest' },
      { clock },
    );
    const run = randomBytes(3).toString('hex');
    tokens.leader = await tokenFor('province-leader', undefined, '46', `leader-${run}`);
    tokens.justice = await tokenFor('unit-leader', '46.STP', '46', `justice-${run}`);
    tokens.justiceSpecialist = await tokenFor('specialist', '46.STP', '46', `justice-specialist-${run}`);
    tokens.hanoiLeader = await tokenFor('province-leader', undefined, '01', `hanoi-${run}`);
    tokens.phuXuan = await tokenFor('specialist', PHU_XUAN, '46', `phu-xuan-${run}`);
    tokens.phuXuanLeader = await tokenFor('unit-leader', PHU_XUAN, '46', `phu-xuan-leader-${run}`);
    tokens.kimLong = await tokenFor('desk-officer', KIM_LONG, '46', `kim-long-${run}`);
    tokens.vyDa = await tokenFor('unit-leader', VY_DA, '46', `vy-da-${run}`);
    tokens.citizen = await tokenFor('citizen', undefined, '46', `citizen-${run}`);
  }, 120_000);

  afterAll(async () => {
    await service?.close();
  });

  const api = () => request(service.url);
  const get = (path: string, who: string) => api().get(path).auth(tokens[who], { type: 'bearer' });
  const post = (path: string, who: string, body: object) =>
    api().post(path).auth(tokens[who], { type: 'bearer' }).send(body);
  const report = (taskId: string, commune: string, who: string, body: object) =>
    post(`/api/v1/tasks/${taskId}/communes/${commune}/progress`, who, body);
  const statuses = (task: { communes: { communeCode: string; status: string }[] }) =>
    Object.fromEntries(task.communes.map((c) => [c.communeCode, c.status]));
  const parse = (messages: { value: string }[]) => messages.map((message) => JSON.parse(message.value) as TaskEvent);
  const eventsOf = (taskId: string, enough: (events: TaskEvent[]) => boolean) =>
    readTopic(
      TOPICS.task,
      (key) => key === taskId,
      (messages) => enough(parse(messages)),
    ).then(parse);
  const has = (type: string, commune?: string) => (events: TaskEvent[]) =>
    events.some((e) => e.type === type && (commune === undefined || e.payload.communeCode === commune));
  /** When the warning of a type about a commune says it happened, once it is out. */
  const warnedAt = async (taskId: string, type: string, commune: string) =>
    (await eventsOf(taskId, has(type, commune))).find((e) => e.type === type && e.payload.communeCode === commune)!
      .occurredAt;
  const fieldsOf = (body: { errors: { field: string }[] }) => new Set(body.errors.map((error) => error.field));
  const tableCounts = async () =>
    (
      await service.database.dataSource.query(
        `SELECT (SELECT count(*) FROM tasks) AS tasks, (SELECT count(*) FROM task_communes) AS communes,
              (SELECT count(*) FROM task_progress_reports) AS reports,
              (SELECT last_value FROM messaging_outbox_position_seq) AS "eventsAppended"`,
      )
    )[0];

  it('assigns a target to two communes and announces it', async () => {
    const created = await post('/api/v1/tasks', 'leader', {
      title: 'Số hoá hồ sơ thủ tục hành chính tháng 6',
      description: 'Số hoá toàn bộ hồ sơ tiếp nhận tại Trung tâm phục vụ hành chính công',
      indicator: 'Tỷ lệ hồ sơ được số hoá',
      indicatorUnit: '%',
      targetValue: 100,
      startsOn: '2026-06-01',
      dueDate: '2026-06-30',
      communeCodes: [PHU_XUAN, KIM_LONG],
    }).expect(201);
    digitisation = created.body;
    expect(created.body).toMatchObject({
      provinceCode: '46',
      targetValue: 100,
      dueDate: '2026-06-30',
      assignedByUnit: null,
    });
    expect(statuses(created.body)).toEqual({ [PHU_XUAN]: 'not-started', [KIM_LONG]: 'not-started' });
    expect(created.body.communes[0]).toMatchObject({
      communeName: 'Phường Phú Xuân',
      value: null,
      progressPercent: 0,
      lastReport: null,
    });

    // A minute later a department's leader gives another commune a task without a start date: its time runs from then.
    clock.advance(60_000);
    const second = await post('/api/v1/tasks', 'justice', {
      title: 'Rà soát hồ sơ hộ tịch tồn đọng',
      description: 'Rà soát và xử lý hồ sơ hộ tịch quá hạn',
      indicator: 'Hồ sơ đã rà soát',
      indicatorUnit: 'hồ sơ',
      targetValue: 10,
      dueDate: '2026-06-19',
      communeCodes: [VY_DA],
    }).expect(201);
    inspection = second.body;
    expect(second.body).toMatchObject({
      assignedByUnit: '46.STP',
      startsOn: null,
      assignedAt: '2026-06-01T02:01:00.000Z',
    });

    const [assigned] = (await eventsOf(digitisation.id, has('TaskAssigned'))).filter((e) => e.type === 'TaskAssigned');
    expect(assigned).toMatchObject({
      source: 'task-monitoring',
      subject: digitisation.id,
      occurredAt: '2026-06-01T02:00:00.000Z',
    });
    expect(assigned.payload).toMatchObject({
      taskId: digitisation.id,
      provinceCode: '46',
      targetValue: 100,
      dueDate: '2026-06-30',
      communeCodes: [PHU_XUAN, KIM_LONG],
    });
  });

  it('shows a commune only its own tasks and its own progress; other provinces and communes get 404', async () => {
    const phuXuanList = await get('/api/v1/tasks', 'phuXuan').expect(200);
    expect(phuXuanList.body.items.map((task: { id: string }) => task.id)).toEqual([digitisation.id]);
    expect(statuses(phuXuanList.body.items[0])).toEqual({ [PHU_XUAN]: 'not-started' });
    const vyDaList = await get('/api/v1/tasks', 'vyDa').expect(200);
    expect(vyDaList.body.items.map((task: { id: string }) => task.id)).toEqual([inspection.id]);

    expect(statuses((await get(`/api/v1/tasks/${digitisation.id}`, 'phuXuan').expect(200)).body)).toEqual({
      [PHU_XUAN]: 'not-started',
    });
    expect((await get(`/api/v1/tasks?commune=${KIM_LONG}`, 'phuXuan').expect(200)).body.items).toEqual([]);
    const hidden = await get(`/api/v1/tasks/${digitisation.id}`, 'vyDa').expect(404);
    expect(hidden.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    await get(`/api/v1/tasks/${digitisation.id}`, 'hanoiLeader').expect(404);
    await get('/api/v1/tasks', 'citizen').expect(403);

    const province = await get('/api/v1/tasks', 'leader').expect(200);
    expect(province.body.items.map((task: { id: string }) => task.id)).toEqual([inspection.id, digitisation.id]);
    const firstPage = await get('/api/v1/tasks?limit=1', 'justiceSpecialist').expect(200);
    expect(firstPage.body.items.map((task: { id: string }) => task.id)).toEqual([inspection.id]);
    const secondPage = await get(
      `/api/v1/tasks?limit=1&cursor=${firstPage.body.nextCursor}`,
      'justiceSpecialist',
    ).expect(200);
    expect(secondPage.body).toMatchObject({ items: [{ id: digitisation.id }], nextCursor: null });

    // Only a commune's own officers report its progress.
    await report(digitisation.id, KIM_LONG, 'phuXuan', { value: 50 }).expect(403);
    await report(digitisation.id, PHU_XUAN, 'leader', { value: 50 }).expect(403);
    await report(digitisation.id, VY_DA, 'vyDa', { value: 50 }).expect(404);
  });

  it('gives a unit claim without an officer role, or under another province, no task and no report', async () => {
    const claims = [
      await tokenWithRoles([], PHU_XUAN, '46', 'no-role'),
      await tokenWithRoles(['citizen'], PHU_XUAN, '46', 'citizen-with-unit'),
      await tokenFor('specialist', PHU_XUAN, '01', 'phu-xuan-under-hanoi'),
    ];
    for (const token of claims) {
      await api().get('/api/v1/tasks').auth(token, { type: 'bearer' }).expect(403);
      await api().get(`/api/v1/tasks/${digitisation.id}`).auth(token, { type: 'bearer' }).expect(403);
      await api()
        .get('/api/v1/deadlines')
        .auth(token, { type: 'bearer' })
        .expect((response) => expect([403, 200]).toContain(response.status));
      await api()
        .post(`/api/v1/tasks/${digitisation.id}/communes/${PHU_XUAN}/progress`)
        .auth(token, { type: 'bearer' })
        .send({ value: 50 })
        .expect(403);
    }
    // The mismatched claim sees the deadlines of its own province's unit only: none of Huế's.
    const mismatched = await api().get('/api/v1/deadlines').auth(claims[2], { type: 'bearer' }).expect(200);
    expect(mismatched.body.items).toEqual([]);
  });

  it('recomputes the status from a report and returns it', async () => {
    const evidence = [
      {
        name: 'Báo cáo tuần 1.pdf',
        ref: 'https://files.hue.gov.vn/tasks/bao-cao-tuan-1.pdf',
        sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      },
      { name: 'Danh sách hồ sơ.xlsx', ref: 'tasks/2026/03/danh-sach.xlsx' },
    ];
    const reported = await report(digitisation.id, PHU_XUAN, 'phuXuan', {
      value: 10,
      comment: 'Đã số hoá 10%',
      evidence,
    }).expect(201);
    expect(reported.body).toMatchObject({
      taskId: digitisation.id,
      communeCode: PHU_XUAN,
      value: 10,
      progressPercent: 10,
      status: 'on-track',
    });
    expect(reported.body.lastReport).toMatchObject({
      value: 10,
      comment: 'Đã số hoá 10%',
      evidence,
      reportedAt: '2026-06-01T02:01:00.000Z',
    });
  });

  it('warns once when time leaves a commune behind, then once when its due date passes', async () => {
    // A week in, 25 % of the time is gone: Kim Long, with nothing reported, is more than 20 points behind.
    clock.set(new Date('2026-06-08T02:00:00Z'));
    // The warnings carry when the line was crossed, not when the scan found it: 20 % of June was gone at 7 June, 00:00 in Huế;
    // Vỹ Dạ's time runs from its assignment (1 June, 02:01 UTC) to the end of 19 June, and a fifth of it was gone on 4 June.
    expect(await warnedAt(digitisation.id, 'TaskAtRisk', KIM_LONG)).toBe('2026-06-06T17:00:00.000Z');
    expect(await warnedAt(inspection.id, 'TaskAtRisk', VY_DA)).toBe('2026-06-04T19:24:48.000Z');
    await waitFor(
      async () => statuses((await get(`/api/v1/tasks/${digitisation.id}`, 'leader')).body)[KIM_LONG] === 'at-risk',
      10_000,
      'Kim Long at risk',
    );
    expect(statuses((await get(`/api/v1/tasks/${digitisation.id}`, 'leader').expect(200)).body)).toEqual({
      [PHU_XUAN]: 'on-track',
      [KIM_LONG]: 'at-risk',
    });
    await waitFor(
      async () => statuses((await get(`/api/v1/tasks/${inspection.id}`, 'leader')).body)[VY_DA] === 'at-risk',
      10_000,
      'Vỹ Dạ at risk',
    );
    const atRisk = await get('/api/v1/tasks?status=at-risk', 'leader').expect(200);
    expect(
      atRisk.body.items.map((task: { communes: { communeCode: string }[] }) => task.communes.map((c) => c.communeCode)),
    ).toEqual([[VY_DA], [KIM_LONG]]);

    // A report that leaves Kim Long behind keeps it at risk, without a second warning.
    expect((await report(digitisation.id, KIM_LONG, 'kimLong', { value: 2 }).expect(201)).body.status).toBe('at-risk');

    // Phú Xuân corrects its 10 % down to 2 %: at that level it would have fallen behind on 7 June, but the report is what put it there.
    const corrected = await report(digitisation.id, PHU_XUAN, 'phuXuan', {
      value: 2,
      comment: 'Điều chỉnh số liệu',
    }).expect(201);
    expect(corrected.body.status).toBe('at-risk');
    expect(await warnedAt(digitisation.id, 'TaskAtRisk', PHU_XUAN)).toBe('2026-06-08T02:00:00.000Z');

    const done = await report(digitisation.id, PHU_XUAN, 'phuXuanLeader', { value: 100, comment: 'Hoàn thành' }).expect(
      201,
    );
    expect(done.body).toMatchObject({ status: 'done', progressPercent: 100, doneAt: '2026-06-08T02:00:00.000Z' });

    // Vỹ Dạ's inspection ended on 19 June; it finishes two days late.
    clock.set(new Date('2026-06-21T03:00:00Z'));
    expect(await warnedAt(inspection.id, 'TaskOverdue', VY_DA)).toBe('2026-06-19T17:00:00.000Z');
    expect((await report(inspection.id, VY_DA, 'vyDa', { value: 10 }).expect(201)).body.status).toBe('done');

    // 1 July, 09:00 in Huế: the digitisation target's last day is over.
    clock.set(new Date('2026-07-01T02:00:00Z'));
    expect(await warnedAt(digitisation.id, 'TaskOverdue', KIM_LONG)).toBe('2026-06-30T17:00:00.000Z');
    expect(statuses((await get(`/api/v1/tasks/${digitisation.id}`, 'leader').expect(200)).body)).toEqual({
      [PHU_XUAN]: 'done',
      [KIM_LONG]: 'overdue',
    });

    // More time and more scans, then a late report: accepted, still overdue, and no warning again.
    clock.advance(24 * 3600_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const late = await report(digitisation.id, KIM_LONG, 'kimLong', { value: 40, comment: 'Báo cáo muộn' }).expect(201);
    expect(late.body.status).toBe('overdue');
    const events = await eventsOf(digitisation.id, (seen) =>
      seen.some((e) => e.payload.reportId === late.body.lastReport.id),
    );
    const count = (type: string, commune?: string) =>
      events.filter((e) => e.type === type && (commune === undefined || e.payload.communeCode === commune)).length;
    expect([
      count('TaskAssigned'),
      count('TaskAtRisk', KIM_LONG),
      count('TaskOverdue', KIM_LONG),
      count('TaskProgressReported'),
    ]).toEqual([1, 1, 1, 5]);
    expect([count('TaskAtRisk', PHU_XUAN), count('TaskOverdue', PHU_XUAN)]).toEqual([1, 0]);
    expect(events.find((e) => e.type === 'TaskOverdue')).toMatchObject({
      actor: { kind: 'system' },
      occurredAt: '2026-06-30T17:00:00.000Z',
      payload: { status: 'overdue', value: 2 },
    });
    expect(events.find((e) => e.type === 'TaskAtRisk' && e.payload.communeCode === PHU_XUAN)).toMatchObject({
      actor: { kind: 'user' },
      payload: { status: 'at-risk', value: 2 },
    });
  });

  it('scores each commune on the tasks due in the period', async () => {
    const june = await get('/api/v1/task-evaluations?period=2026-06', 'leader').expect(200);
    expect(june.body).toMatchObject({ period: '2026-06', from: '2026-06-01', to: '2026-06-30', provinceCode: '46' });
    expect(june.body.communes.map((c: { communeCode: string; score: number }) => [c.communeCode, c.score])).toEqual([
      [PHU_XUAN, 100],
      [VY_DA, 90],
      [KIM_LONG, 0],
    ]);
    expect(june.body.communes[1]).toMatchObject({ tasks: 1, done: 0, doneLate: 1, overdue: 0, inProgress: 0 });
    expect((await get('/api/v1/task-evaluations?period=2026-Q2', 'leader').expect(200)).body.communes).toHaveLength(3);
    expect((await get('/api/v1/task-evaluations?period=2026-07', 'leader').expect(200)).body.communes).toEqual([]);
    const own = await get('/api/v1/task-evaluations?period=2026', 'kimLong').expect(200);
    expect(own.body.communes).toMatchObject([{ communeCode: KIM_LONG, score: 0, overdue: 1 }]);
    expect(fieldsOf((await get('/api/v1/task-evaluations?period=2026-13', 'leader').expect(400)).body)).toEqual(
      new Set(['period']),
    );
  });

  it('refuses bad input naming each field, and changes nothing', async () => {
    const before = await tableCounts();
    const malformed = await post('/api/v1/tasks', 'leader', {
      title: '',
      description: 'x',
      indicator: 'x',
      indicatorUnit: '%',
      targetValue: 0,
      dueDate: '31/03/2026',
      communeCodes: [],
      priority: 'high',
    }).expect(400);
    expect(malformed.headers['content-type']).toContain(PROBLEM_CONTENT_TYPE);
    expect(fieldsOf(malformed.body)).toEqual(new Set(['title', 'targetValue', 'dueDate', 'communeCodes', 'priority']));

    // Well-formed, but due yesterday (2 July is today), with a commune twice, one of Hà Nội, an unknown code and a department.
    const wrongCommunes = await post('/api/v1/tasks', 'leader', {
      title: 'Chỉ tiêu sai',
      description: 'x',
      indicator: 'x',
      indicatorUnit: '%',
      targetValue: 5,
      startsOn: '2026-07-05',
      dueDate: '2026-07-01',
      communeCodes: [PHU_XUAN, BA_DINH, PHU_XUAN, '99999', '46.STP'],
    }).expect(400);
    expect(fieldsOf(wrongCommunes.body)).toEqual(
      new Set(['dueDate', 'startsOn', 'communeCodes.1', 'communeCodes.2', 'communeCodes.3', 'communeCodes.4']),
    );
    expect(wrongCommunes.body.errors.find((e: { field: string }) => e.field === 'communeCodes.1').message).toContain(
      'another province',
    );

    const valid = {
      title: 'Chỉ tiêu',
      description: 'x',
      indicator: 'x',
      indicatorUnit: '%',
      targetValue: 5,
      dueDate: '2026-07-30',
      communeCodes: [PHU_XUAN],
    };
    await post('/api/v1/tasks', 'phuXuanLeader', valid).expect(403);
    await post('/api/v1/tasks', 'justiceSpecialist', valid).expect(403);
    await post('/api/v1/tasks', 'hanoiLeader', valid).expect(400);

    const badReport = await report(digitisation.id, PHU_XUAN, 'phuXuan', {
      value: -1,
      evidence: [{ name: 'a.pdf' }, { name: 'b.pdf', ref: '../../etc/passwd', sha256: 'abc' }],
    }).expect(400);
    expect(fieldsOf(badReport.body)).toEqual(
      new Set(['value', 'evidence.0.ref', 'evidence.1.ref', 'evidence.1.sha256']),
    );
    const tooMany = Array.from({ length: 21 }, (_, i) => ({ name: `${i}.pdf`, ref: `tasks/${i}.pdf` }));
    expect(
      fieldsOf((await report(digitisation.id, PHU_XUAN, 'phuXuan', { value: 1, evidence: tooMany }).expect(400)).body),
    ).toEqual(new Set(['evidence']));
    expect(fieldsOf((await report('not-a-task', PHU_XUAN, 'phuXuan', { value: 1 }).expect(400)).body)).toEqual(
      new Set(['id']),
    );

    expect(await tableCounts()).toEqual(before);
  });
});
