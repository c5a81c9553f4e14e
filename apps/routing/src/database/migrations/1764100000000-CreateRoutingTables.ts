import { MigrationInterface, QueryRunner } from 'typeorm';

/** Officers of each unit, each dossier's processing state, and the append-only action history. */
export class CreateRoutingTables1764100000000 implements MigrationInterface {
  name = 'CreateRoutingTables1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE officers (
        subject text PRIMARY KEY,
        unit_code text NOT NULL REFERENCES administrative_units (code),
        roles text[] NOT NULL,
        active boolean NOT NULL DEFAULT true,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX officers_unit ON officers (unit_code) WHERE active;

      CREATE TABLE routed_dossiers (
        id uuid PRIMARY KEY,
        code text NOT NULL UNIQUE,
        province_code text NOT NULL,
        procedure jsonb NOT NULL,
        receiving_unit_code text NOT NULL,
        unit_code text NOT NULL REFERENCES administrative_units (code),
        assignee_id text,
        state text NOT NULL,
        status smallint NOT NULL,
        outcome text CHECK (outcome IN ('approved', 'rejected')),
        applicant jsonb NOT NULL,
        subject_commune_code text NOT NULL,
        received_at timestamptz NOT NULL,
        due_at timestamptz,
        paused_at timestamptz,
        remaining_working_hours numeric,
        result_channel text,
        version int NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX routed_dossiers_queue ON routed_dossiers (unit_code, status, due_at);
      CREATE INDEX routed_dossiers_assignee ON routed_dossiers (assignee_id) WHERE status IN (2, 4, 5, 6);

      CREATE TABLE dossier_history (
        id bigserial PRIMARY KEY,
        dossier_id uuid NOT NULL REFERENCES routed_dossiers (id),
        occurred_at timestamptz NOT NULL,
        actor_id text NOT NULL,
        actor_roles text[] NOT NULL,
        actor_unit_code text,
        action text NOT NULL,
        from_state text,
        to_state text NOT NULL,
        from_status smallint,
        to_status smallint NOT NULL,
        reason text,
        details jsonb NOT NULL DEFAULT '{}'
      );
      CREATE INDEX dossier_history_dossier ON dossier_history (dossier_id, id);

      -- The audit trail is append-only: no update or delete, whoever asks.
      CREATE FUNCTION dossier_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'dossier_history is append-only';
      END $$;
      CREATE TRIGGER dossier_history_append_only BEFORE UPDATE OR DELETE ON dossier_history
        FOR EACH ROW EXECUTE FUNCTION dossier_history_append_only();
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE dossier_history, routed_dossiers, officers;
      DROP FUNCTION dossier_history_append_only()`);
  }
}
