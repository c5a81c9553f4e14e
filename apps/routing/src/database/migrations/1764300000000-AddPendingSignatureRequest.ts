import { MigrationInterface, QueryRunner } from 'typeorm';

/** The signature request a decision waits on, so only its answer settles the dossier. */
export class AddPendingSignatureRequest1764300000000 implements MigrationInterface {
  name = 'AddPendingSignatureRequest1764300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE routed_dossiers ADD COLUMN signature_request_id uuid');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE routed_dossiers DROP COLUMN signature_request_id');
  }
}
