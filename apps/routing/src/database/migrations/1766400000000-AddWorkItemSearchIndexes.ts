import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the work queue's new filters read: a receiving desk's dossiers (supplements to take in,
 * results to hand over) by status and due date, as the processing queue is; and a dossier code
 * typed at the desk, exact or its first characters in any case. `text_pattern_ops` serves the
 * prefix whatever the database's collation.
 */
export class AddWorkItemSearchIndexes1766400000000 implements MigrationInterface {
  name = 'AddWorkItemSearchIndexes1766400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE INDEX routed_dossiers_received ON routed_dossiers (receiving_unit_code, status, due_at);
      CREATE INDEX routed_dossiers_code_search ON routed_dossiers (upper(code) text_pattern_ops);
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX routed_dossiers_code_search, routed_dossiers_received');
  }
}
