import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What notification keeps: the applicant's contact per dossier (from intake's events), people's
 * channel preferences, one delivery per (event, recipient, channel), the in-app inbox, and the
 * tenants' webhook subscriptions.
 */
export class CreateDeliveries1764400000000 implements MigrationInterface {
  name = 'CreateDeliveries1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE dossier_contacts (
        dossier_id uuid PRIMARY KEY,
        code text NOT NULL,
        province_code text NOT NULL,
        receiving_unit_code text NOT NULL,
        procedure_name jsonb NOT NULL,
        applicant_name text NOT NULL,
        phone text,
        email text,
        account_subject text,
        appointment_date date,
        -- The decision waiting for its signature (approved or rejected) and its reasons.
        decision text,
        decision_reason text,
        recorded_at timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE preferences (
        person_id text PRIMARY KEY,
        channels jsonb NOT NULL,
        locale text NOT NULL,
        email text,
        phone text,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE deliveries (
        id uuid PRIMARY KEY,
        event_id uuid NOT NULL,
        recipient text NOT NULL,
        channel text NOT NULL,
        kind text NOT NULL,
        critical boolean NOT NULL,
        locale text NOT NULL,
        template_version integer,
        address text NOT NULL,
        subject text,
        body text NOT NULL,
        data jsonb NOT NULL,
        dossier_id uuid,
        dossier_code text,
        province_code text NOT NULL,
        state text NOT NULL CHECK (state IN ('created', 'sending', 'delivered', 'temporary-failure', 'permanent-failure', 'technical-failure')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        -- Temporary failures are retried until then; an operator's retry moves it.
        give_up_at timestamptz NOT NULL,
        lease_until timestamptz,
        provider text,
        provider_reference text,
        last_error text,
        created_at timestamptz NOT NULL,
        sending_at timestamptz,
        delivered_at timestamptz,
        failed_at timestamptz,
        updated_at timestamptz NOT NULL,
        -- Exactly once per (event, recipient, channel): a redelivered event plans nothing new.
        UNIQUE (event_id, recipient, channel)
      )`);
    await runner.query(
      `CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE state IN ('created', 'temporary-failure')`,
    );
    await runner.query(
      `CREATE INDEX deliveries_abandoned ON deliveries (lease_until) WHERE state = 'sending' AND provider_reference IS NULL`,
    );
    await runner.query(
      `CREATE INDEX deliveries_by_provider_reference ON deliveries (provider, provider_reference) WHERE provider_reference IS NOT NULL`,
    );
    await runner.query(`CREATE INDEX deliveries_by_dossier ON deliveries (dossier_code, id)`);
    await runner.query(`CREATE INDEX deliveries_by_state ON deliveries (state, id)`);
    await runner.query(`
      CREATE TABLE inbox_messages (
        id uuid PRIMARY KEY,
        owner text NOT NULL,
        delivery_id uuid NOT NULL UNIQUE,
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        dossier_code text,
        created_at timestamptz NOT NULL,
        read_at timestamptz
      )`);
    await runner.query(`CREATE INDEX inbox_by_owner ON inbox_messages (owner, id DESC)`);
    await runner.query(`CREATE INDEX inbox_unread ON inbox_messages (owner) WHERE read_at IS NULL`);
    await runner.query(`
      CREATE TABLE webhook_subscriptions (
        id uuid PRIMARY KEY,
        province_code text NOT NULL,
        tenant_code text NOT NULL,
        url text NOT NULL,
        secret text NOT NULL,
        kinds text[] NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await runner.query(
      `CREATE INDEX webhook_subscriptions_by_tenant ON webhook_subscriptions (tenant_code) WHERE active`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['webhook_subscriptions', 'inbox_messages', 'deliveries', 'preferences', 'dossier_contacts']) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
