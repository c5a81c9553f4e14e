import { createEventRegistry } from '@onestop/contracts';
import { OutboxWriter } from '@onestop/messaging';
import { ManualClock } from '@onestop/platform';
import { createTestDatabase, TestDatabase } from '@onestop/testing';
import { randomUUID } from 'node:crypto';
import { taskMonitoringSchema } from '../database/schema';
import { TaskMonitoringEnv } from '../task-monitoring.env';
import { TaskCommuneStore } from './task-commune.store';
import { TaskStatusScanner } from './task-status-scanner';

const COMMUNES = Array.from({ length: 40 }, (_, i) => `C${String(i).padStart(3, '0')}`);

/** Replicas scanning the same rows at once announce each warning once; a restarted scanner carries on from the database. */
describe('the task status scanner', () => {
  // 10 June 2026: a third of June gone, nothing reported.
  const clock = new ManualClock(new Date('2026-06-10T02:00:00Z'));
  const env = Object.assign(new TaskMonitoringEnv(), { DEADLINE_SCAN_BATCH: 7 });
  const outbox = new OutboxWriter(createEventRegistry());
  const taskId = randomUUID();
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('task_scanner', taskMonitoringSchema);
    await database.dataSource.query(
      `INSERT INTO tasks (id, province_code, title, description, indicator, indicator_unit, target_value, starts_on, due_date, created_by, created_at)
       VALUES ($1, '46', 'Số hoá hồ sơ', 'x', 'Tỷ lệ số hoá', '%', 100, '2026-06-01', '2026-06-30', 'leader', '2026-05-30T02:00:00Z')`,
      [taskId],
    );
    await database.dataSource.query(
      `INSERT INTO task_communes (task_id, commune_code, status, next_check_at, updated_at)
       SELECT $1, code, 'not-started', '2026-06-07T00:00:00Z', '2026-05-30T02:00:00Z' FROM unnest($2::text[]) AS code`,
      [taskId, COMMUNES],
    );
  }, 60_000);

  afterAll(async () => {
    await database?.drop();
  });

  const replicas = () =>
    [0, 1, 2].map(
      () => new TaskStatusScanner(database.dataSource, new TaskCommuneStore(database.dataSource), outbox, clock, env),
    );
  /** Each replica scans until it finds nothing more, all at the same time. */
  const scanTogether = (scanners: TaskStatusScanner[]) =>
    Promise.all(
      scanners.map(async (scanner) => {
        while (await scanner.scanDue());
      }),
    );
  const announced = async (type: string) =>
    (
      await database.dataSource.query(
        `SELECT envelope->'payload'->>'communeCode' AS commune FROM messaging_outbox WHERE event_type = $1`,
        [type],
      )
    ).map((row: { commune: string }) => row.commune);
  /** The times the warnings of a type carry, each once. */
  const datedAt = async (type: string) =>
    (
      await database.dataSource.query(
        `SELECT DISTINCT envelope->>'occurredAt' AS at FROM messaging_outbox WHERE event_type = $1`,
        [type],
      )
    ).map((row: { at: string }) => row.at);

  it('announces each commune at risk once, however many replicas scan', async () => {
    await scanTogether(replicas());
    const atRisk = await announced('TaskAtRisk');
    expect(atRisk.sort()).toEqual(COMMUNES);
    // Found on 10 June, but with nothing reported each fell behind once 20 % of June was gone: 7 June, 00:00 in Huế.
    expect(await datedAt('TaskAtRisk')).toEqual(['2026-06-06T17:00:00.000Z']);
    const rows = await database.dataSource.query(
      `SELECT DISTINCT status, at_risk_notified AS flag, next_check_at AS next FROM task_communes`,
    );
    expect(rows).toEqual([{ status: 'at-risk', flag: true, next: new Date('2026-06-30T17:00:00Z') }]);

    await scanTogether(replicas());
    expect(await announced('TaskAtRisk')).toHaveLength(COMMUNES.length);
  });

  it('lets scanners started afresh announce the due date passing, once', async () => {
    clock.set(new Date('2026-07-01T00:00:00Z'));
    await scanTogether(replicas());
    expect((await announced('TaskOverdue')).sort()).toEqual(COMMUNES);
    // The end of 30 June in Huế, not the scan at 07:00 on 1 July.
    expect(await datedAt('TaskOverdue')).toEqual(['2026-06-30T17:00:00.000Z']);
    const rows = await database.dataSource.query(
      `SELECT DISTINCT status, overdue_notified AS flag, next_check_at AS next FROM task_communes`,
    );
    expect(rows).toEqual([{ status: 'overdue', flag: true, next: null }]);

    clock.advance(7 * 86_400_000);
    await scanTogether(replicas());
    expect(await announced('TaskOverdue')).toHaveLength(COMMUNES.length);
    expect(await announced('TaskAtRisk')).toHaveLength(COMMUNES.length);
  });
});
