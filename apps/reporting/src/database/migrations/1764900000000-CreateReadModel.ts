import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The read model indicators are computed from: one row per dossier without any personal data,
 * counters per unit × procedure × local day of the event, and where each commune stands on each
 * province task. Everything here is rebuilt from the event log, so nothing else writes to it.
 */
export class CreateReadModel1764900000000 implements MigrationInterface {
  name = 'CreateReadModel1764900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE dossier_facts (
        dossier_id uuid PRIMARY KEY,
        code text NOT NULL,
        province_code text NOT NULL,
        receiving_unit_code text NOT NULL,
        -- The processing unit; the receiving desk or the subject commune until routing names it.
        unit_code text NOT NULL,
        procedure_code text NOT NULL,
        field_code text,
        -- Null for a dossier refused at intake: the refusal does not say how it was filed.
        channel text CHECK (channel IN ('online', 'counter', 'postal')),
        received_at timestamptz,
        due_at timestamptz,
        status smallint NOT NULL CHECK (status BETWEEN 2 AND 10),
        refused_at timestamptz,
        finished_at timestamptz,
        returned_at timestamptz,
        on_time boolean,
        -- Working minutes (office hours on the working calendar) from receipt to the result.
        processing_minutes integer CHECK (processing_minutes >= 0),
        supplement_count integer NOT NULL DEFAULT 0,
        apology_count integer NOT NULL DEFAULT 0,
        overdue_flagged boolean NOT NULL DEFAULT false,
        electronic_result boolean NOT NULL DEFAULT false,
        signed_result boolean NOT NULL DEFAULT false,
        last_event_at timestamptz NOT NULL
      )`);
    await runner.query(`CREATE INDEX dossier_facts_by_unit ON dossier_facts (province_code, unit_code, status)`);
    await runner.query(`CREATE INDEX dossier_facts_by_receipt ON dossier_facts (province_code, received_at)`);
    await runner.query(`
      CREATE TABLE daily_counters (
        province_code text NOT NULL,
        unit_code text NOT NULL,
        procedure_code text NOT NULL,
        -- The local (UTC+7) date of the event, never of its processing, so a replay gives the same rows.
        day date NOT NULL,
        received integer NOT NULL DEFAULT 0,
        received_online integer NOT NULL DEFAULT 0,
        refused integer NOT NULL DEFAULT 0,
        resolved integer NOT NULL DEFAULT 0,
        resolved_on_time integer NOT NULL DEFAULT 0,
        resolved_late integer NOT NULL DEFAULT 0,
        processing_minutes_sum integer NOT NULL DEFAULT 0,
        stopped integer NOT NULL DEFAULT 0,
        withdrawn integer NOT NULL DEFAULT 0,
        returned integer NOT NULL DEFAULT 0,
        returned_electronic integer NOT NULL DEFAULT 0,
        signed_results integer NOT NULL DEFAULT 0,
        overdue_events integer NOT NULL DEFAULT 0,
        apologies integer NOT NULL DEFAULT 0,
        PRIMARY KEY (province_code, unit_code, procedure_code, day)
      )`);
    await runner.query(`CREATE INDEX daily_counters_by_day ON daily_counters (province_code, day)`);
    await runner.query(`
      CREATE TABLE task_commune_facts (
        task_id uuid NOT NULL,
        commune_code text NOT NULL,
        province_code text NOT NULL,
        title text NOT NULL,
        target_value numeric NOT NULL,
        -- The level of the latest report; null before the first.
        value numeric,
        status text NOT NULL CHECK (status IN ('not-started', 'on-track', 'at-risk', 'overdue', 'done')),
        due_date date NOT NULL,
        at_risk_at timestamptz,
        overdue_at timestamptz,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (task_id, commune_code)
      )`);
    await runner.query(`CREATE INDEX task_commune_facts_by_province ON task_commune_facts (province_code, status)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE task_commune_facts');
    await runner.query('DROP TABLE daily_counters');
    await runner.query('DROP TABLE dossier_facts');
  }
}
