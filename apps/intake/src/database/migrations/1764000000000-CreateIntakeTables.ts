import { MigrationInterface, QueryRunner } from 'typeorm';

/** Procedures (versioned), dossiers as filed, their daily code sequences and public history. */
export class CreateIntakeTables1764000000000 implements MigrationInterface {
  name = 'CreateIntakeTables1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE procedures (
        code text NOT NULL,
        version int NOT NULL,
        effective_from date NOT NULL,
        definition jsonb NOT NULL,
        PRIMARY KEY (code, version)
      );

      CREATE TABLE dossier_code_sequences (
        unit_code text NOT NULL,
        day date NOT NULL,
        last_number int NOT NULL,
        PRIMARY KEY (unit_code, day)
      );

      CREATE TABLE dossiers (
        id uuid PRIMARY KEY,
        code text NOT NULL UNIQUE,
        status smallint NOT NULL CHECK (status BETWEEN 1 AND 10),
        procedure_code text NOT NULL,
        procedure_version int NOT NULL,
        province_code text NOT NULL,
        receiving_unit_code text NOT NULL REFERENCES administrative_units (code),
        competent_unit_code text,
        channel text NOT NULL CHECK (channel IN ('online', 'counter', 'postal')),
        applicant_name text NOT NULL,
        applicant_phone text NOT NULL,
        applicant_email text,
        applicant_address text NOT NULL,
        applicant_commune_code text NOT NULL REFERENCES administrative_units (code),
        subject_commune_code text NOT NULL REFERENCES administrative_units (code),
        citizen_id_ciphertext text NOT NULL,
        citizen_id_index text NOT NULL,
        account_subject text,
        documents jsonb NOT NULL,
        missing_documents jsonb NOT NULL,
        intake_note text,
        filed_by text NOT NULL,
        idempotency_key text,
        request_hash text NOT NULL,
        filed_at timestamptz NOT NULL,
        received_at timestamptz,
        counting_from timestamptz,
        due_at timestamptz,
        appointment_date date,
        result_channel text,
        version int NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL,
        FOREIGN KEY (procedure_code, procedure_version) REFERENCES procedures (code, version)
      );
      CREATE UNIQUE INDEX dossiers_idempotency ON dossiers (filed_by, idempotency_key) WHERE idempotency_key IS NOT NULL;
      CREATE INDEX dossiers_citizen ON dossiers (citizen_id_index);
      CREATE INDEX dossiers_receiving_unit ON dossiers (receiving_unit_code, filed_at);

      CREATE TABLE dossier_public_history (
        id bigserial PRIMARY KEY,
        dossier_id uuid NOT NULL REFERENCES dossiers (id),
        event_id uuid NOT NULL UNIQUE,
        from_status smallint,
        to_status smallint NOT NULL,
        action text NOT NULL,
        occurred_at timestamptz NOT NULL
      );
      CREATE INDEX dossier_public_history_dossier ON dossier_public_history (dossier_id, occurred_at);
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE dossier_public_history, dossiers, dossier_code_sequences, procedures');
  }
}
