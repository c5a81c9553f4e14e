import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tasks and targets the province gives its communes: the task, where each commune stands on it
 * (kept current by reports and by the status scanner), and every progress report as sent.
 */
export class CreateProvinceTasks1764700000000 implements MigrationInterface {
  name = 'CreateProvinceTasks1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE tasks (
        id uuid PRIMARY KEY,
        province_code text NOT NULL,
        title text NOT NULL,
        description text NOT NULL,
        indicator text NOT NULL,
        indicator_unit text NOT NULL,
        target_value numeric NOT NULL CHECK (target_value > 0),
        -- The commune's time runs from this date, or from the assignment (created_at) when there is none.
        starts_on date,
        due_date date NOT NULL,
        created_by text NOT NULL,
        -- The department that assigned it; null for the province's leaders.
        created_by_unit text,
        created_at timestamptz NOT NULL,
        CHECK (starts_on IS NULL OR starts_on <= due_date)
      )`);
    await runner.query(`CREATE INDEX tasks_by_province ON tasks (province_code, id DESC)`);
    await runner.query(`CREATE INDEX tasks_by_province_due_date ON tasks (province_code, due_date)`);
    await runner.query(`
      CREATE TABLE task_communes (
        task_id uuid NOT NULL REFERENCES tasks (id),
        commune_code text NOT NULL,
        -- The level of the latest report; null before the first.
        value numeric CHECK (value >= 0),
        status text NOT NULL CHECK (status IN ('not-started', 'on-track', 'at-risk', 'overdue', 'done')),
        -- When the value reached the target; cleared if a later report corrects it below.
        done_at timestamptz,
        last_report_id uuid,
        -- TaskAtRisk and TaskOverdue go out once per task and commune.
        at_risk_notified boolean NOT NULL DEFAULT false,
        overdue_notified boolean NOT NULL DEFAULT false,
        -- When time alone may change the status next; null once only a report can.
        next_check_at timestamptz,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (task_id, commune_code)
      )`);
    await runner.query(`CREATE INDEX task_communes_by_commune ON task_communes (commune_code, task_id DESC)`);
    await runner.query(
      `CREATE INDEX task_communes_due_checks ON task_communes (next_check_at) WHERE next_check_at IS NOT NULL`,
    );
    await runner.query(`
      CREATE TABLE task_progress_reports (
        id uuid PRIMARY KEY,
        task_id uuid NOT NULL,
        commune_code text NOT NULL,
        value numeric NOT NULL CHECK (value >= 0),
        comment text,
        -- [{ name, ref (URL or storage key), sha256? }]
        evidence jsonb NOT NULL DEFAULT '[]',
        reported_by text NOT NULL,
        reported_at timestamptz NOT NULL,
        FOREIGN KEY (task_id, commune_code) REFERENCES task_communes (task_id, commune_code)
      )`);
    await runner.query(
      `CREATE INDEX task_progress_reports_by_commune ON task_progress_reports (task_id, commune_code, reported_at DESC)`,
    );
    await runner.query(
      `ALTER TABLE task_communes ADD FOREIGN KEY (last_report_id) REFERENCES task_progress_reports (id)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE task_communes DROP COLUMN last_report_id');
    await runner.query('DROP TABLE task_progress_reports');
    await runner.query('DROP TABLE task_communes');
    await runner.query('DROP TABLE tasks');
  }
}
