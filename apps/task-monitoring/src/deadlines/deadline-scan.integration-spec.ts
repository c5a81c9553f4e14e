import { createEventRegistry } from '@onestop/contracts';
import { OutboxWriter } from '@onestop/messaging';
import { ManualClock } from '@onestop/platform';
import { createTestDatabase, TestDatabase } from '@onestop/testing';
import { taskMonitoringSchema } from '../database/schema';
import { TaskMonitoringEnv } from '../task-monitoring.env';
import { AlarmFirer } from './alarm-firer';
import { DeadlineScan } from './deadline-scanner';
import { DossierClockStore } from './dossier-clock.store';
import { EscalationStore } from './escalation.store';

const CLOCKS = 500;
/** Wednesday 25 November 2026, 10:00 in Huế. */
const NOW = new Date('2026-11-25T03:00:00Z');

/** Replicas scanning the same clocks at once announce each alarm once; what is not due stays. */
describe('the deadline scan', () => {
  const clock = new ManualClock(NOW);
  const env = Object.assign(new TaskMonitoringEnv(), { DEADLINE_SCAN_BATCH: 37 });
  let database: TestDatabase;
  let scans: DeadlineScan[];

  beforeAll(async () => {
    database = await createTestDatabase('deadline_scan', taskMonitoringSchema);
    const firer = new AlarmFirer(new OutboxWriter(createEventRegistry()), new EscalationStore(database.dataSource));
    scans = [0, 1, 2].map(
      () => new DeadlineScan(database.dataSource, new DossierClockStore(database.dataSource), firer, clock, env),
    );
    // Every clock crossed its due-soon instant a minute ago; the even ones also their deadline
    // (overdue, and 5 minutes past the unit leader's threshold).
    await database.dataSource.query(
      `INSERT INTO dossier_clocks (dossier_id, code, province_code, unit_code, assignee_id, procedure_code, pauses_for_citizen, state, budget_minutes,
         segment_start, remaining_minutes, step, step_start, step_remaining_minutes, due_at, due_soon_at, step_due_at,
         escalate_unit_leader_at, escalate_province_at, next_fire_at, received_at, updated_at)
       SELECT gen_random_uuid(), '19753-261120-' || lpad(i::text, 4, '0'), '46', '19753', NULL, 'HKD-DANGKY', false, 'running', 1440,
              $1::timestamptz - interval '3 days', 240, 'processing', $1::timestamptz - interval '3 days', 1000,
              due, $1::timestamptz - interval '1 minute', $1::timestamptz + interval '2 days', due + interval '4 hours', due + interval '3 days',
              $1::timestamptz - interval '1 minute', $1::timestamptz - interval '3 days', $1::timestamptz - interval '3 days'
         FROM generate_series(1, $2) AS i,
              LATERAL (SELECT CASE WHEN i % 2 = 0 THEN $1::timestamptz - interval '4 hours 5 minutes' ELSE $1::timestamptz + interval '4 hours' END AS due) AS d`,
      [NOW, CLOCKS],
    );
  }, 60_000);

  afterAll(async () => {
    await database?.drop();
  });

  /** Three replicas, each scanning until it finds nothing more, all at the same time. */
  const scanTogether = () =>
    Promise.all(
      scans.map(async (scan) => {
        let claimed = 0;
        for (;;) {
          const result = await scan.once();
          claimed += result.claimed;
          if (result.claimed < env.DEADLINE_SCAN_BATCH) return claimed;
        }
      }),
    );
  const announced = async () =>
    (await database.dataSource.query(
      `SELECT event_type AS type, count(*)::int AS n, count(DISTINCT message_key)::int AS dossiers FROM messaging_outbox GROUP BY 1 ORDER BY 1`,
    )) as Array<{
      type: string;
      n: number;
      dossiers: number;
    }>;

  it('shares the due clocks among replicas and fires each alarm once', async () => {
    const claimed = await scanTogether();
    expect(claimed.reduce((sum, n) => sum + n, 0)).toBe(CLOCKS);
    expect(claimed.filter((n) => n > 0).length).toBeGreaterThan(1);
    expect(await announced()).toEqual([
      { type: 'DossierDueSoon', n: CLOCKS / 2, dossiers: CLOCKS / 2 },
      { type: 'DossierEscalated', n: CLOCKS / 2, dossiers: CLOCKS / 2 },
      { type: 'DossierOverdue', n: CLOCKS / 2, dossiers: CLOCKS / 2 },
    ]);
    expect(await database.dataSource.query('SELECT count(*)::int AS n FROM escalations')).toEqual([{ n: CLOCKS / 2 }]);

    await scanTogether();
    expect((await announced()).map((row) => row.n)).toEqual([CLOCKS / 2, CLOCKS / 2, CLOCKS / 2]);
  });

  it('leaves each clock due at its next alarm, and fires it when time gets there', async () => {
    const next = await database.dataSource.query(`SELECT DISTINCT next_fire_at AS at FROM dossier_clocks ORDER BY 1`);
    // Odd clocks: overdue at NOW + 4 h; even ones: their step's share ends at NOW + 2 days (before the province's turn).
    expect(next.map((row: { at: Date }) => row.at)).toEqual([
      new Date(NOW.getTime() + 4 * 3600_000),
      new Date(NOW.getTime() + 2 * 86_400_000),
    ]);
    clock.set(new Date(NOW.getTime() + 4 * 3600_000));
    await scanTogether();
    expect((await announced()).find((row) => row.type === 'DossierOverdue')).toEqual({
      type: 'DossierOverdue',
      n: CLOCKS,
      dossiers: CLOCKS,
    });
  });
});
