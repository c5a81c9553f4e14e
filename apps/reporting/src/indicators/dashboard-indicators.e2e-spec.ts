import { EventEnvelope, TOPICS } from '@onestop/contracts';
import { waitFor } from '@onestop/testing';
import { randomBytes } from 'node:crypto';
import { received, resolved, routed } from '../test/dossier-events';
import { IndicatorsFixture } from '../test/indicators-fixture';

/** Own commune codes, so another suite's events on the shared topics never land in these rows. */
const C = `C${randomBytes(3).toString('hex').toUpperCase()}`;
const D = `D${randomBytes(3).toString('hex').toUpperCase()}`;

// Huế is UTC+7. The period is Wednesday 4 to Wednesday 18 November 2026: its weeks are keyed
// 2026-11-04 (the week of Monday 2nd, clipped), 2026-11-09 and 2026-11-16.
const c1 = received(C, '2026-11-05T02:00:00Z', 'counter'); // resolved on the 6th, on time
const c2 = received(C, '2026-11-10T02:00:00Z', 'online'); // resolved on the 13th, late
const c3 = received(C, '2026-11-17T02:00:00Z', 'counter'); // open at the end, due the 19th
const d1 = received(D, '2026-11-11T02:00:00Z', 'counter'); // open, due the 13th: overdue from then on
const events: EventEnvelope[] = [
  routed(c1, C, '2026-11-05T02:30:00Z', '2026-11-10T02:00:00Z'),
  resolved(c1, C, '2026-11-06T02:00:00Z', '2026-11-10T02:00:00Z'),
  routed(c2, C, '2026-11-10T02:30:00Z', '2026-11-12T02:00:00Z'),
  resolved(c2, C, '2026-11-13T02:00:00Z', '2026-11-12T02:00:00Z'),
  routed(c3, C, '2026-11-17T02:30:00Z', '2026-11-19T02:00:00Z'),
  routed(d1, D, '2026-11-11T02:30:00Z', '2026-11-13T02:00:00Z'),
];

const PERIOD = 'from=2026-11-04&to=2026-11-18';

type Row = {
  key: string | null;
  subKey: string | null;
  counts: Record<string, number>;
  indicators: { onTimeOrWithinDeadlineShare: { numerator: number; denominator: number } };
};
const cells = (rows: Row[]) =>
  rows.map((row) => [
    row.key,
    row.subKey,
    row.indicators.onTimeOrWithinDeadlineShare.numerator,
    row.indicators.onTimeOrWithinDeadlineShare.denominator,
  ]);

describe("leaders' dashboard: weeks, two-level groupings, data freshness and previous ranks", () => {
  jest.setTimeout(90_000);
  let fixture: IndicatorsFixture;
  const tokens = { leaderC: '', province: '' };

  const get = (path: string, token: string) => fixture.get(path, token);
  const body = (path: string, token: string) => fixture.body(path, token);
  const ours = (rows: Row[], field: 'key' | 'subKey') => rows.filter((row) => row[field] === C || row[field] === D);

  beforeAll(async () => {
    fixture = await IndicatorsFixture.start('reporting-dashboard-e2e', [C, D]);
    tokens.leaderC = fixture.tokens.unitLeader;
    tokens.province = fixture.tokens.province;
    await fixture.publish(TOPICS.dossier, [c1, c2, c3, d1]);
    await waitFor(async () => (await fixture.factCount('true')) === 4, 30_000, 'the four receipts');
    await fixture.publish(TOPICS.dossier, events);
    await waitFor(
      async () =>
        (await fixture.factCount('last_event_at > received_at')) === 4 &&
        (await fixture.factCount('finished_at IS NOT NULL')) === 2,
      30_000,
      'the routings and both results',
    );
  }, 90_000);

  afterAll(() => fixture?.close());

  it('groups by ISO week, keyed by Monday and clipped to the period, with the open dossiers at each week’s end', async () => {
    const { rows, groupBy, thenBy } = await body(`/api/v1/indicators?${PERIOD}&groupBy=week`, tokens.leaderC);
    expect({ groupBy, thenBy }).toEqual({ groupBy: 'week', thenBy: null });
    // c1 on time in the first week, c2 late in the second, c3 open within its deadline at the end of the third.
    expect(cells(rows)).toEqual([
      ['2026-11-04', null, 1, 1],
      ['2026-11-09', null, 0, 1],
      ['2026-11-16', null, 1, 1],
    ]);
    expect(rows.map((row: Row) => row.counts.received)).toEqual([1, 1, 1]);
  });

  it('answers a commune × week map of the on-time share in one call, either way round', async () => {
    const { rows } = await body(`/api/v1/indicators?${PERIOD}&groupBy=commune&thenBy=week`, tokens.province);
    // D's dossier is open past its deadline (the 13th) at the end of its second and third weeks.
    expect(cells(ours(rows, 'key'))).toEqual([
      [C, '2026-11-04', 1, 1],
      [C, '2026-11-09', 0, 1],
      [C, '2026-11-16', 1, 1],
      [D, '2026-11-09', 0, 1],
      [D, '2026-11-16', 0, 1],
    ]);
    const [dSecondWeek] = ours(rows, 'key').filter((row) => row.key === D);
    expect(dSecondWeek.counts).toMatchObject({ received: 1, openWithinDeadline: 0, openOverdue: 1 });

    const byWeek = await body(`/api/v1/indicators?${PERIOD}&groupBy=week&thenBy=commune`, tokens.province);
    const swapped = cells(ours(byWeek.rows, 'subKey')).map(([week, commune, numerator, denominator]) => [
      commune,
      week,
      numerator,
      denominator,
    ]);
    expect(swapped.sort()).toEqual(cells(ours(rows, 'key')).sort());

    // The spreadsheet names both groupings, one column each.
    const csv = (
      await get(
        `/api/v1/indicators?${PERIOD}&unit=${C}&groupBy=commune&thenBy=week&format=csv`,
        tokens.province,
      ).expect(200)
    ).text
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(csv[0]).toMatch(/^Mã đơn vị,Tuần \(từ ngày\),Tiếp nhận tại đơn vị,/);
    expect(csv.slice(1, 4).map((line) => line.split(',').slice(0, 3).join(','))).toEqual([
      `${C},2026-11-04,1`,
      `${C},2026-11-09,1`,
      `${C},2026-11-16,1`,
    ]);
  });

  it.each([
    ['thenBy without groupBy', `${PERIOD}&thenBy=week`, 'requires'],
    ['thenBy equal to groupBy', `${PERIOD}&groupBy=commune&thenBy=commune`, 'notEqual'],
    ['day within week', `${PERIOD}&groupBy=week&thenBy=day`, 'notWith'],
    ['an unknown thenBy', `${PERIOD}&groupBy=commune&thenBy=month`, 'isIn'],
  ])('refuses %s with a 400 naming thenBy', async (_case, query, code) => {
    const response = await get(`/api/v1/indicators?${query}`, tokens.province).expect(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.errors).toMatchObject([{ field: 'thenBy', code }]);
  });

  it('says how fresh the data is, and the time moves when a later event is projected', async () => {
    const before = (await body(`/api/v1/indicators?${PERIOD}`, tokens.leaderC)).dataAsOf as string;
    // Every event so far happened by the last routing; other suites' events may be later still.
    expect(Date.parse(before)).toBeGreaterThanOrEqual(Date.parse('2026-11-17T02:30:00Z'));
    expect((await body(`/api/v1/indicators/rankings?${PERIOD}`, tokens.leaderC)).dataAsOf).toEqual(expect.any(String));

    const later = new Date(Math.max(Date.parse(before), Date.now()) + 60_000).toISOString();
    await fixture.publish(TOPICS.dossier, [routed(c3, C, later, '2026-11-19T02:00:00Z')]);
    await waitFor(
      async () =>
        Date.parse((await body(`/api/v1/indicators?${PERIOD}`, tokens.leaderC)).dataAsOf) >= Date.parse(later),
      30_000,
      'the later routing to be projected',
    );
    expect(
      Date.parse((await body(`/api/v1/indicators/rankings?${PERIOD}`, tokens.province)).dataAsOf),
    ).toBeGreaterThanOrEqual(Date.parse(later));
  });

  it('gives each ranked unit its rank and points in the previous period of the same length', async () => {
    const week = await body('/api/v1/indicators/rankings?from=2026-11-09&to=2026-11-15', tokens.province);
    expect(week).toMatchObject({ previousFrom: '2026-11-02', previousTo: '2026-11-08' });
    const previous = await body('/api/v1/indicators/rankings?from=2026-11-02&to=2026-11-08', tokens.province);
    const then = previous.units.find((unit: { unitCode: string }) => unit.unitCode === C);
    // C resolved c1 on time in the previous week and c2 late in this one: its score fell.
    expect(then.points).toBeGreaterThan(week.units.find((unit: { unitCode: string }) => unit.unitCode === C).points);
    expect(week.units.find((unit: { unitCode: string }) => unit.unitCode === C)).toMatchObject({
      previousRank: then.rank,
      previousPoints: then.points,
    });
    // D had nothing before the 11th: not ranked then.
    expect(week.units.find((unit: { unitCode: string }) => unit.unitCode === D)).toMatchObject({
      previousRank: null,
      previousPoints: null,
    });

    const own = await body('/api/v1/indicators/rankings?from=2026-11-09&to=2026-11-15', tokens.leaderC);
    expect(own.units).toEqual([week.units.find((unit: { unitCode: string }) => unit.unitCode === C)]);
  });
});
