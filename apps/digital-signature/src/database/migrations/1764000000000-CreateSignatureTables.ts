import { MigrationInterface, QueryRunner } from 'typeorm';

/** Officials' certificates and keys, documents and their signatures, signature requests, two-step preparations. */
export class CreateSignatureTables1764000000000 implements MigrationInterface {
  name = 'CreateSignatureTables1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE certificates (
        id uuid PRIMARY KEY,
        user_id text NOT NULL,
        unit_code text NOT NULL,
        province_code text NOT NULL,
        common_name text NOT NULL,
        subject text NOT NULL,
        issuer text NOT NULL,
        serial_number text NOT NULL,
        fingerprint text NOT NULL UNIQUE,
        not_before timestamptz NOT NULL,
        not_after timestamptz NOT NULL,
        -- the certificate first, then its chain up to (not including) the trust anchor
        chain_pem text NOT NULL,
        key_storage text NOT NULL CHECK (key_storage IN ('server', 'device')),
        -- PKCS#8 EncryptedPrivateKeyInfo; present exactly when the key is held by the service
        encrypted_private_key text CHECK ((key_storage = 'server') = (encrypted_private_key IS NOT NULL)),
        locked_at timestamptz,
        lock_reason text,
        revoked_at timestamptz,
        revocation_reason text,
        imported_by text NOT NULL,
        imported_at timestamptz NOT NULL,
        UNIQUE (issuer, serial_number)
      );
      CREATE INDEX certificates_by_user ON certificates (user_id, imported_at DESC);

      CREATE TABLE documents (
        id uuid PRIMARY KEY,
        dossier_id uuid,
        dossier_code text,
        province_code text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('result', 'signed')),
        sha256 text NOT NULL,
        content bytea NOT NULL,
        created_at timestamptz NOT NULL
      );
      CREATE INDEX documents_by_dossier_code ON documents (dossier_code, created_at DESC) WHERE dossier_code IS NOT NULL;

      CREATE TABLE signatures (
        id uuid PRIMARY KEY,
        document_id uuid NOT NULL REFERENCES documents (id),
        source_document_id uuid REFERENCES documents (id),
        certificate_id uuid NOT NULL REFERENCES certificates (id),
        signer_id text NOT NULL,
        level text NOT NULL CHECK (level IN ('B-B', 'B-T')),
        claimed_at timestamptz NOT NULL,
        time_stamped_at timestamptz,
        created_at timestamptz NOT NULL
      );

      CREATE TABLE signature_requests (
        id uuid PRIMARY KEY,
        dossier_id uuid NOT NULL,
        dossier_code text NOT NULL,
        signer_id text NOT NULL,
        state text NOT NULL CHECK (state IN ('awaiting-signer', 'signed', 'failed')),
        result_document_id uuid REFERENCES documents (id),
        signed_document_id uuid REFERENCES documents (id),
        reason text,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      CREATE INDEX signature_requests_waiting ON signature_requests (signer_id) WHERE state = 'awaiting-signer';

      CREATE TABLE preparations (
        id uuid PRIMARY KEY,
        certificate_id uuid NOT NULL REFERENCES certificates (id),
        signer_id text NOT NULL,
        level text NOT NULL CHECK (level IN ('B-B', 'B-T')),
        request_id uuid REFERENCES signature_requests (id),
        source_document_id uuid REFERENCES documents (id),
        placeholder bytea NOT NULL,
        byte_range integer[] NOT NULL,
        field_name text NOT NULL,
        signed_attributes bytea NOT NULL,
        signing_time timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        completed_at timestamptz
      );

      CREATE SEQUENCE tsa_serial_numbers;
      CREATE SEQUENCE crl_numbers;
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP SEQUENCE crl_numbers; DROP SEQUENCE tsa_serial_numbers;
      DROP TABLE preparations; DROP TABLE signature_requests; DROP TABLE signatures; DROP TABLE documents; DROP TABLE certificates;`);
  }
}
