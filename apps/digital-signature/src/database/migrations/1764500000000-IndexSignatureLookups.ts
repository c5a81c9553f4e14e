import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for what is actually looked up: the public verification finds a dossier's signed result
 * through its signature request (the index on documents by dossier code served no query), and
 * each preparation drops abandoned ones by expiry.
 */
export class IndexSignatureLookups1764500000000 implements MigrationInterface {
  name = 'IndexSignatureLookups1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE INDEX signature_requests_signed_by_dossier ON signature_requests (dossier_code, updated_at DESC) WHERE state = 'signed'`,
    );
    await runner.query('DROP INDEX documents_by_dossier_code');
    await runner.query('CREATE INDEX preparations_abandoned ON preparations (expires_at) WHERE completed_at IS NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX preparations_abandoned');
    await runner.query(
      `CREATE INDEX documents_by_dossier_code ON documents (dossier_code, created_at DESC) WHERE dossier_code IS NOT NULL`,
    );
    await runner.query('DROP INDEX signature_requests_signed_by_dossier');
  }
}
