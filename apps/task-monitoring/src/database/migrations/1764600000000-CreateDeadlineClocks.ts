import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A deadline clock per dossier, with the instants its alarms fall due indexed so one scan finds
 * what is due among a million open dossiers; the apologies recorded; the escalations, which are
 * the work queues of unit leaders and of the province.
 */
export class CreateDeadlineClocks1764600000000 implements MigrationInterface {
  name = 'CreateDeadlineClocks1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE dossier_clocks (
        dossier_id uuid PRIMARY KEY,
        code text NOT NULL,
        province_code text NOT NULL,
        unit_code text NOT NULL,
        assignee_id text,
        procedure_code text NOT NULL,
        pauses_for_citizen boolean NOT NULL,
        state text NOT NULL CHECK (state IN ('running', 'paused', 'closed')),
        budget_minutes integer NOT NULL,
        segment_start timestamptz,
        remaining_minutes integer NOT NULL,
        step text NOT NULL,
        step_start timestamptz,
        step_remaining_minutes integer NOT NULL,
        due_soon_fired boolean NOT NULL DEFAULT false,
        overdue_fired boolean NOT NULL DEFAULT false,
        step_overdue_fired boolean NOT NULL DEFAULT false,
        escalation_level smallint NOT NULL DEFAULT 0,
        -- Bumped by each apology: alarms are announced once per deadline.
        deadline_version integer NOT NULL DEFAULT 1,
        -- The alarms' instants, computed on the working calendar when the clock changes (null while
        -- paused or closed): the scan compares them with the time and never recomputes them, so a
        -- later calendar correction does not move a deadline already given to the applicant.
        due_at timestamptz,
        due_soon_at timestamptz,
        step_due_at timestamptz,
        escalate_unit_leader_at timestamptz,
        escalate_province_at timestamptz,
        next_fire_at timestamptz,
        received_at timestamptz NOT NULL,
        closed_at timestamptz,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(
      `CREATE INDEX dossier_clocks_next_fire ON dossier_clocks (next_fire_at) WHERE next_fire_at IS NOT NULL`,
    );
    // The deadlines lists: a province's or one unit's running clocks in deadline order.
    await runner.query(
      `CREATE INDEX dossier_clocks_running_by_province ON dossier_clocks (province_code, due_at, dossier_id) WHERE state = 'running'`,
    );
    await runner.query(
      `CREATE INDEX dossier_clocks_running_by_unit ON dossier_clocks (province_code, unit_code, due_at, dossier_id) WHERE state = 'running'`,
    );
    await runner.query(`
      CREATE TABLE apologies (
        id uuid PRIMARY KEY,
        dossier_id uuid NOT NULL REFERENCES dossier_clocks (dossier_id),
        reason text NOT NULL,
        previous_due_at timestamptz,
        new_appointment_date date NOT NULL,
        new_due_at timestamptz NOT NULL,
        approved_by text NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX apologies_by_dossier ON apologies (dossier_id, recorded_at)`);
    await runner.query(`
      CREATE TABLE escalations (
        id uuid PRIMARY KEY,
        dossier_id uuid NOT NULL REFERENCES dossier_clocks (dossier_id),
        deadline_version integer NOT NULL,
        level text NOT NULL CHECK (level IN ('unit-leader', 'province')),
        code text NOT NULL,
        province_code text NOT NULL,
        unit_code text NOT NULL,
        assignee_id text,
        due_at timestamptz NOT NULL,
        escalated_at timestamptz NOT NULL,
        -- Set when the dossier closes or a new appointment is agreed.
        resolved_at timestamptz,
        UNIQUE (dossier_id, deadline_version, level)
      )`);
    await runner.query(
      `CREATE INDEX escalations_open ON escalations (province_code, level, unit_code, escalated_at) WHERE resolved_at IS NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE escalations');
    await runner.query('DROP TABLE apologies');
    await runner.query('DROP TABLE dossier_clocks');
  }
}
