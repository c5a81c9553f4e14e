import { EventEnvelope, TaskAssigned, TaskAtRisk, TaskProgressReported, TOPICS } from '@onestop/contracts';
import { createEvent } from '@onestop/messaging';
import { tokenFor, tokenWithRoles, waitFor } from '@onestop/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { rebuildReadModel } from '../rebuild/read-model-rebuild';
import { REBUILD_SCHEMA } from '../rebuild/read-model-schemas.store';
import { BIRTH, BUSINESS, origin, received, resolved, routed } from '../test/dossier-events';
import { IndicatorsFixture } from '../test/indicators-fixture';

/** Own commune codes, so another suite's events on the shared topics never land in these rows. */
const A = `A${randomBytes(3).toString('hex').toUpperCase()}`;
const B = `B${randomBytes(3).toString('hex').toUpperCase()}`;

// Huế is UTC+7: 02:00Z is 09:00 local. The period asked for is Tuesday 24 to Monday 30 November 2026;
// it ends at local midnight, 2026-11-30T17:00Z.
const a1 = received(A, '2026-11-24T02:00:00Z', 'counter'); // resolved by A on the 25th, on time
const a2 = received(A, '2026-11-24T02:00:00Z', 'online'); // resolved by A on the 30th, late
const a3 = received(A, '2026-11-25T03:00:00Z', 'online', BIRTH); // still open, due the 27th: overdue at the end
const a4 = received(A, '2026-11-30T02:00:00Z', 'counter'); // still open, due 3 December: within the deadline
const crossing = received(A, '2026-11-24T03:00:00Z', 'counter', BUSINESS, B); // filed at A, resolved by B on the 26th, on time
const b1 = received(B, '2026-11-24T04:00:00Z', 'online'); // resolved by B on the 25th, on time

const receipts: EventEnvelope[] = [a1, a2, a3, a4, crossing, b1];
const processing: EventEnvelope[] = [
  routed(a1, A, '2026-11-24T02:30:00Z', '2026-11-27T02:00:00Z'),
  resolved(a1, A, '2026-11-25T08:00:00Z', '2026-11-27T02:00:00Z'),
  routed(a2, A, '2026-11-24T02:30:00Z', '2026-11-27T02:00:00Z'),
  resolved(a2, A, '2026-11-30T02:00:00Z', '2026-11-27T02:00:00Z'),
  routed(a3, A, '2026-11-25T03:30:00Z', '2026-11-27T03:00:00Z'),
  routed(a4, A, '2026-11-30T02:30:00Z', '2026-12-03T02:00:00Z'),
  routed(crossing, B, '2026-11-24T03:30:00Z', '2026-11-27T03:00:00Z'),
  resolved(crossing, B, '2026-11-26T03:00:00Z', '2026-11-27T03:00:00Z'),
  routed(b1, B, '2026-11-24T04:30:00Z', '2026-11-27T04:00:00Z'),
  resolved(b1, B, '2026-11-25T04:00:00Z', '2026-11-27T04:00:00Z'),
];

const taskId = randomUUID();
const standing = (communeCode: string, value: number, status: 'done' | 'at-risk') => ({
  taskId,
  provinceCode: '46',
  communeCode,
  title: 'Số hoá hồ sơ',
  value,
  targetValue: 100,
  dueDate: '2026-12-15',
  status,
});
const taskEvents: EventEnvelope[] = [
  createEvent(
    TaskAssigned,
    taskId,
    {
      taskId,
      provinceCode: '46',
      title: 'Số hoá hồ sơ',
      indicator: 'digitised-share',
      targetValue: 100,
      dueDate: '2026-12-15',
      communeCodes: [A, B],
      assignedBy: 'leader-1',
    },
    origin('task-monitoring', taskId),
    new Date('2026-11-02T01:00:00Z'),
  ),
  createEvent(
    TaskProgressReported,
    taskId,
    { ...standing(A, 100, 'done'), reportId: randomUUID(), reportedBy: 'officer-2' },
    origin('task-monitoring', taskId),
    new Date('2026-11-20T03:00:00Z'),
  ),
  createEvent(
    TaskAtRisk,
    taskId,
    standing(B, 10, 'at-risk'),
    origin('task-monitoring', taskId),
    new Date('2026-11-21T00:00:00Z'),
  ),
];

const PERIOD = 'from=2026-11-24&to=2026-11-30';

describe('leaders’ indicators API, over the projected read model', () => {
  jest.setTimeout(90_000);
  let fixture: IndicatorsFixture;
  const tokens = { leaderA: '', province: '', otherProvince: '' };

  const reporting = () => fixture.reporting;
  const publish = (topic: string, events: EventEnvelope[]) => fixture.publish(topic, events);
  const get = (path: string, token: string) => fixture.get(path, token);
  const body = (path: string, token: string) => fixture.body(path, token);
  const factCount = (condition: string) => fixture.factCount(condition);

  beforeAll(async () => {
    fixture = await IndicatorsFixture.start('reporting-indicators-e2e', [A, B]);
    tokens.leaderA = fixture.tokens.unitLeader;
    tokens.province = fixture.tokens.province;
    tokens.otherProvince = await tokenFor('province-leader', undefined, '48', 'province-leader-48');

    await publish(TOPICS.dossier, receipts);
    await waitFor(async () => (await factCount('true')) === receipts.length, 30_000, 'the six receipts');
    await publish(TOPICS.dossier, processing);
    await publish(TOPICS.task, taskEvents);
    await waitFor(
      async () =>
        (await factCount('last_event_at > received_at')) === 6 && (await factCount('finished_at IS NOT NULL')) === 4,
      30_000,
      'every routing and the four results',
    );
    await waitFor(
      async () =>
        Number(
          (
            await reporting().database.dataSource.query(
              `SELECT count(*) AS n FROM task_commune_facts WHERE task_id = $1 AND status <> 'not-started'`,
              [taskId],
            )
          )[0].n,
        ) === 2,
      30_000,
      'both task standings',
    );
  }, 90_000);

  afterAll(() => fixture?.close());

  it("gives a unit leader his unit's counts, shares and 766 points for the period", async () => {
    const report = await body(`/api/v1/indicators?${PERIOD}`, tokens.leaderA);
    expect(report).toMatchObject({
      provinceCode: '46',
      unitCode: A,
      from: '2026-11-24',
      to: '2026-11-30',
      groupBy: null,
    });
    expect(report.rows).toHaveLength(1);
    const [row] = report.rows;
    // Received at A: a1, a2, a3, a4 and the crossing dossier = 5, of which online a2 and a3 = 2.
    // Resolved by A: a1 on time, a2 late. Open with A at the end: a3 (due the 27th, overdue), a4 (due 3 Dec, within).
    expect(row).toMatchObject({ key: null, receivedHere: 5, resolvedHere: 2 });
    expect(row.counts).toMatchObject({
      received: 5,
      receivedOnline: 2,
      resolved: 2,
      resolvedOnTime: 1,
      resolvedLate: 1,
      openWithinDeadline: 1,
      openOverdue: 1,
    });
    // Both procedures received at A had an online dossier: 2 offered, 2 with online dossiers.
    expect(row.counts).toMatchObject({ proceduresOffered: 2, proceduresWithOnlineDossiers: 2 });
    // 2.1 on time or within: (1 on time + 1 within) / (2 resolved + 1 within + 1 overdue) = 2 / 4.
    expect(row.indicators.onTimeOrWithinDeadlineShare).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
    // 3.3 online share: 2 / 5 = 0.4.
    expect(row.indicators.onlineDossierShare).toEqual({ numerator: 2, denominator: 5, value: 0.4 });
    const points = Object.fromEntries(
      row.score.indicators.map((indicator: { id: string; points: number }) => [indicator.id, indicator.points]),
    );
    // 2.1: 0.5 × 20 = 10; 3.2: 2/2 → 4; 3.3: 0.4 / 0.5 target × 8 = 6.4; 4.1: 0/2 signed → 0;
    // 5.4, delay half: (2 − 1)/2 = 0.5 / 0.9 × 3 = 1.67; ratings half: none given, unassessed.
    expect(points).toEqual({
      'progress.onTimeOrWithinDeadline': 10,
      'online.proceduresWithOnlineDossiers': 4,
      'online.onlineDossierShare': 6.4,
      'digitisation.signedElectronicResults': 0,
      'satisfaction.resolvedWithoutDelay': 1.67,
      'satisfaction.ratedSatisfied': 0,
    });
    // 10 + 4 + 6.4 + 0 + 1.67 + 0 = 22.07 of 20 + 4 + 8 + 6 + 3 + 3 = 44, all but the ratings' 3 assessed.
    expect(row.score.total).toEqual({ points: 22.07, maxPoints: 44, assessedMaxPoints: 41 });
  });

  it('splits the unit by procedure and by field', async () => {
    const byProcedure = await body(`/api/v1/indicators?${PERIOD}&unit=${A}&groupBy=procedure`, tokens.province);
    expect(byProcedure.rows.map((row: { key: string }) => row.key)).toEqual([BUSINESS, BIRTH]);
    const [business, birth] = byProcedure.rows;
    // Business registration: a1, a2, a4, crossing received (a2 online); a1 and a2 resolved; a4 open within.
    expect(business.counts).toMatchObject({
      received: 4,
      receivedOnline: 1,
      resolved: 2,
      resolvedOnTime: 1,
      openWithinDeadline: 1,
      openOverdue: 0,
    });
    // (1 on time + 1 within) / (2 resolved + 1 within) = 2/3; online 1/4.
    expect(business.indicators.onTimeOrWithinDeadlineShare).toEqual({ numerator: 2, denominator: 3, value: 2 / 3 });
    expect(business.indicators.onlineDossierShare.value).toBe(0.25);
    // Birth registration: a3 alone, online, open and overdue: 0/1 on time or within.
    expect(birth.counts).toMatchObject({ received: 1, receivedOnline: 1, resolved: 0, openOverdue: 1 });
    expect(birth.indicators.onTimeOrWithinDeadlineShare).toEqual({ numerator: 0, denominator: 1, value: 0 });

    const byField = await body(`/api/v1/indicators?${PERIOD}&unit=${A}&groupBy=field`, tokens.province);
    expect(byField.rows.map((row: { key: string; receivedHere: number }) => [row.key, row.receivedHere])).toEqual([
      ['business-registration', 4],
      ['civil-status', 1],
    ]);
  });

  it('gives one row per local day: flows of that day, open dossiers at its end', async () => {
    const { rows } = await body(`/api/v1/indicators?${PERIOD}&groupBy=day`, tokens.leaderA);
    expect(rows.map((row: { key: string }) => row.key)).toEqual([
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
      '2026-11-30',
    ]);
    const day = (key: string) => rows.find((row: { key: string }) => row.key === key);
    // 24th: a1, a2, crossing received (a2 online); a1 and a2 open with A at the end, both due the 27th.
    expect(day('2026-11-24').counts).toMatchObject({
      received: 3,
      receivedOnline: 1,
      resolved: 0,
      openWithinDeadline: 2,
      openOverdue: 0,
    });
    // 26th: nothing happened at A; a2 and a3 still open, due on the 27th.
    expect(day('2026-11-26').counts).toMatchObject({ received: 0, resolved: 0, openWithinDeadline: 2, openOverdue: 0 });
    // End of the 27th: both deadlines (02:00Z and 03:00Z that day) have passed.
    expect(day('2026-11-27').counts).toMatchObject({ openWithinDeadline: 0, openOverdue: 2 });
    // 30th: a4 received, a2 resolved late; a3 overdue and a4 within at the end.
    expect(day('2026-11-30').counts).toMatchObject({
      received: 1,
      resolved: 1,
      resolvedLate: 1,
      openWithinDeadline: 1,
      openOverdue: 1,
    });
  });

  it('reads a whole month from the monthly rows with the same counts as its days added up', async () => {
    const month = (await body(`/api/v1/indicators?from=2026-11-01&to=2026-11-30`, tokens.leaderA)).rows[0].counts;
    const days = (await body(`/api/v1/indicators?from=2026-11-01&to=2026-11-30&groupBy=day`, tokens.leaderA))
      .rows as Array<{ key: string; counts: Record<string, number> }>;
    const flows = [
      'received',
      'receivedOnline',
      'refused',
      'resolved',
      'resolvedOnTime',
      'resolvedLate',
      'processingMinutesSum',
      'returned',
      'signedResults',
    ];
    const summed = Object.fromEntries(
      flows.map((flow) => [flow, days.reduce((sum, day) => sum + day.counts[flow], 0)]),
    );
    const lastDay = days.find((day) => day.key === '2026-11-30')!.counts;
    expect(month).toMatchObject({
      ...summed,
      openWithinDeadline: lastDay.openWithinDeadline,
      openOverdue: lastDay.openOverdue,
    });
    expect(month).toMatchObject({ received: 5, resolved: 2, openWithinDeadline: 1, openOverdue: 1 });
    // And a period that starts mid-month: the partial month by day, the whole ones by month. By the
    // end of December a4's deadline (3 December) has passed too.
    const quarter = (await body(`/api/v1/indicators?from=2026-10-15&to=2026-12-31`, tokens.leaderA)).rows[0].counts;
    expect(quarter).toMatchObject({ ...summed, openWithinDeadline: 0, openOverdue: 2 });
  });

  it('counts a dossier filed at A and resolved by B as received here for A and resolved here for B', async () => {
    const { rows } = await body(`/api/v1/indicators?${PERIOD}&groupBy=commune`, tokens.province);
    const ours = rows
      .filter((row: { key: string }) => row.key === A || row.key === B)
      .map(({ key, receivedHere, resolvedHere }: Record<string, unknown>) => ({ key, receivedHere, resolvedHere }));
    // A received 5 (crossing included) and resolved 2; B received b1 alone and resolved b1 and the crossing dossier.
    expect(ours).toEqual([
      { key: A, receivedHere: 5, resolvedHere: 2 },
      { key: B, receivedHere: 1, resolvedHere: 2 },
    ]);
  });

  it('ranks the units by total 766 score, and shows a unit leader his own place', async () => {
    const ranking = await body(`/api/v1/indicators/rankings?${PERIOD}`, tokens.province);
    const ours = ranking.units.filter((unit: { unitCode: string }) => unit.unitCode === A || unit.unitCode === B);
    // B: 2.1 2/2 → 20, 3.2 1/1 → 4, 3.3 1/1 → 8, 4.1 0/2 → 0, 5.4 delay 2/2 → 3 = 35, ahead of A's 22.07.
    expect(
      ours.map(({ unitCode, points, receivedHere, resolvedHere }: Record<string, unknown>) => ({
        unitCode,
        points,
        receivedHere,
        resolvedHere,
      })),
    ).toEqual([
      { unitCode: B, points: 35, receivedHere: 1, resolvedHere: 2 },
      { unitCode: A, points: 22.07, receivedHere: 5, resolvedHere: 2 },
    ]);
    expect(ours[0].rank).toBeLessThan(ours[1].rank);

    const own = await body(`/api/v1/indicators/rankings?${PERIOD}`, tokens.leaderA);
    expect(own.units).toEqual([ours[1]]);
    expect(own.rankedUnits).toBe(ranking.rankedUnits);
  });

  it('answers CSV as an attachment when format=csv', async () => {
    const response = await get(`/api/v1/indicators?${PERIOD}&unit=${A}&format=csv`, tokens.province).expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="indicators-${A}-2026-11-24-2026-11-30.csv"`,
    );
    const [header, line, end] = response.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe(
      'Phạm vi,Tiếp nhận tại đơn vị,Tiếp nhận trực tuyến,Giải quyết tại đơn vị,Đúng hạn,Trễ hạn,Đang xử lý trong hạn,Đang xử lý quá hạn,Tỷ lệ đúng hạn hoặc trong hạn,Tỷ lệ hồ sơ trực tuyến,' +
        'Lượt đánh giá,Đánh giá hài lòng,Tỷ lệ hài lòng,Điểm đánh giá trung bình,Điểm 766,Điểm tối đa được đánh giá',
    );
    // The numbers of the first test, in the columns' order; no rating, so no shares of them.
    expect(line).toBe(`${A},5,2,2,1,1,1,1,0.5,0.4,0,0,,,22.07,41`);
    expect(end).toBe('');

    const ranking = await get(`/api/v1/indicators/rankings?${PERIOD}&format=csv`, tokens.leaderA).expect(200);
    expect(ranking.headers['content-disposition']).toBe('attachment; filename="rankings-46-2026-11-24-2026-11-30.csv"');
    // A received nothing in the week before: no previous rank or points.
    expect(ranking.text.split('\r\n')[1]).toMatch(new RegExp(`^\\d+,${A},22.07,41,5,2,,$`));
  });

  it('keeps each leader to his jurisdiction', async () => {
    const refused = await get(`/api/v1/indicators?${PERIOD}&unit=${B}`, tokens.leaderA).expect(403);
    expect(refused.body.detail).toContain(A);

    const elsewhere = await body(`/api/v1/indicators?${PERIOD}&groupBy=commune`, tokens.otherProvince);
    expect(elsewhere.provinceCode).toBe('48');
    expect(elsewhere.rows.filter((row: { key: string }) => row.key === A || row.key === B)).toEqual([]);
    const namedUnit = await body(`/api/v1/indicators?${PERIOD}&unit=${A}`, tokens.otherProvince);
    expect(
      namedUnit.rows[0].receivedHere +
        namedUnit.rows[0].resolvedHere +
        namedUnit.rows[0].counts.openWithinDeadline +
        namedUnit.rows[0].counts.openOverdue,
    ).toBe(0);
    const rankings = await body(`/api/v1/indicators/rankings?${PERIOD}`, tokens.otherProvince);
    expect(rankings.units.filter((unit: { unitCode: string }) => unit.unitCode === A || unit.unitCode === B)).toEqual(
      [],
    );
  });

  it('gives a unit claim without a role that grants the read no indicators, rankings or task standings', async () => {
    for (const token of [
      await tokenWithRoles([], A, '46', 'no-role'),
      await tokenWithRoles(['citizen'], A, '46', 'citizen-with-unit'),
      await tokenFor('specialist', A, '46', 'specialist-a'),
    ]) {
      await get(`/api/v1/indicators?${PERIOD}`, token).expect(403);
      await get(`/api/v1/indicators/rankings?${PERIOD}`, token).expect(403);
      await get('/api/v1/task-progress?period=2026-11', token).expect(403);
    }
  });

  it.each([
    ['from after to', 'from=2026-11-30&to=2026-11-24', 'to'],
    ['a 400-day range', 'from=2026-01-01&to=2027-02-04', 'to'],
    ['a date that does not exist', 'from=2026-02-30&to=2026-03-01', 'from'],
    ['an unknown grouping', `${PERIOD}&groupBy=month`, 'groupBy'],
    ['an unknown format', `${PERIOD}&format=xml`, 'format'],
  ])('refuses %s with a 400 naming the field', async (_case, query, field) => {
    const response = await get(`/api/v1/indicators?${query}`, tokens.province).expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual([field]);
  });

  it('describes the endpoints in the OpenAPI document, with a response example and the boundary-free view', async () => {
    const document = (await request(reporting().url).get('/docs-json').expect(200)).body;
    const indicators = document.paths['/api/v1/indicators'].get;
    expect(indicators.summary).toMatch(/766 score/);
    expect(indicators.description).toMatch(/receivedHere.*resolvedHere/);
    expect(indicators.responses['200'].content['application/json'].example.rows[0].receivedHere).toBe(4);
    expect(Object.keys(indicators.responses['200'].content)).toEqual(['application/json', 'text/csv']);
    expect(document.paths['/api/v1/indicators/rankings'].get.summary).toBeDefined();
    expect(document.paths['/api/v1/task-progress'].get.summary).toBeDefined();
    const groupBy = indicators.parameters.find((parameter: { name: string }) => parameter.name === 'groupBy');
    expect(groupBy).toMatchObject({
      in: 'query',
      required: false,
      schema: { enum: ['commune', 'procedure', 'field', 'day', 'week'] },
    });
  });

  it('shows task progress per commune for the province, and his own commune to a commune leader', async () => {
    const province = await body('/api/v1/task-progress?period=2026-Q4', tokens.province);
    expect(province).toMatchObject({
      provinceCode: '46',
      period: '2026-Q4',
      firstDay: '2026-10-01',
      lastDay: '2026-12-31',
    });
    const ours = province.communes.filter(
      (row: { communeCode: string }) => row.communeCode === A || row.communeCode === B,
    );
    // One task each, due 15 December: A reported it done, B is at risk.
    expect(ours).toEqual([
      {
        communeCode: A,
        tasks: 1,
        done: 1,
        atRisk: 0,
        overdue: 0,
        shareDone: { numerator: 1, denominator: 1, value: 1 },
      },
      {
        communeCode: B,
        tasks: 1,
        done: 0,
        atRisk: 1,
        overdue: 0,
        shareDone: { numerator: 0, denominator: 1, value: 0 },
      },
    ]);
    expect((await body('/api/v1/task-progress?period=2026-12', tokens.leaderA)).communes).toEqual([ours[0]]);
    // The task is due in December: November holds nothing for A.
    expect((await body('/api/v1/task-progress?period=2026-11', tokens.leaderA)).communes).toEqual([]);
    const refused = await get('/api/v1/task-progress?period=2026-Q5', tokens.leaderA).expect(400);
    expect(refused.body.errors.map((error: { field: string }) => error.field)).toEqual(['period']);
  });

  // Last: it switches the service to a rebuilt read model and projects one more event.
  it('answers exactly the same after the read model is rebuilt from offset 0, and goes on projecting into the rebuilt tables', async () => {
    const views = () =>
      Promise.all(
        [
          [`/api/v1/indicators?${PERIOD}&groupBy=day`, tokens.leaderA],
          [`/api/v1/indicators?${PERIOD}&groupBy=procedure`, tokens.leaderA],
          [`/api/v1/indicators?${PERIOD}&groupBy=field&format=csv`, tokens.leaderA],
          [`/api/v1/indicators?${PERIOD}&unit=${B}`, tokens.province],
          [`/api/v1/indicators?from=2026-11-01&to=2026-11-30&unit=${B}&groupBy=day`, tokens.province],
          [`/api/v1/task-progress?period=2026-11`, tokens.leaderA],
          // The replay reads every event of the topics, other suites' too: how fresh the data is may differ.
        ].map(async ([path, token]) =>
          (await get(path, token).expect(200)).text.replace(/"dataAsOf":"[^"]*"/, '"dataAsOf":…'),
        ),
      );
    const before = await views();

    const outcome = await rebuildReadModel(reporting().env);

    expect(outcome.eventsApplied).toBeGreaterThanOrEqual(receipts.length + processing.length + taskEvents.length);
    expect(await views()).toEqual(before);
    const schemas = await reporting().database.dataSource.query(
      `SELECT nspname FROM pg_namespace WHERE nspname = $1 OR nspname = $2`,
      [outcome.previousSchema, REBUILD_SCHEMA],
    );
    expect(schemas).toEqual([{ nspname: outcome.previousSchema }]);

    // The live consumer carries on in the rebuilt tables, each event once.
    await publish(TOPICS.dossier, [resolved(a4, A, '2026-12-01T02:00:00Z', '2026-12-03T02:00:00Z')]);
    await waitFor(
      async () => (await factCount('finished_at IS NOT NULL')) === 5,
      30_000,
      'the fifth result, in the rebuilt read model',
    );
    const december = await body(`/api/v1/indicators?from=2026-12-01&to=2026-12-01`, tokens.leaderA);
    expect(december.rows[0].counts).toMatchObject({
      resolved: 1,
      resolvedOnTime: 1,
      openWithinDeadline: 0,
      openOverdue: 1,
    });
  });
});
