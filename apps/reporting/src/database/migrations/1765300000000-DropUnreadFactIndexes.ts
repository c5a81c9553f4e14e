import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Drops the indexes of `dossier_facts` that no query reads: the indicators come from the counters,
 * and facts are only looked up by dossier id. Each index cost the projection a write for every
 * fact, and the one holding `status` made every status change rewrite all of the fact's index
 * entries instead of updating the row in place.
 */
export class DropUnreadFactIndexes1765300000000 implements MigrationInterface {
  name = 'DropUnreadFactIndexes1765300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX dossier_facts_by_unit');
    await runner.query('DROP INDEX dossier_facts_by_receipt');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE INDEX dossier_facts_by_receipt ON dossier_facts (province_code, received_at)');
    await runner.query('CREATE INDEX dossier_facts_by_unit ON dossier_facts (province_code, unit_code, status)');
  }
}
