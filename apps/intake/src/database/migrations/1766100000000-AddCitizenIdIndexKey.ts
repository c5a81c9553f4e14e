import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The id of the BLIND_INDEX_KEY key each dossier's citizen ID index was computed with, so the key
 * can rotate: a search looks under every key of the ring, the rotation re-indexes row by row.
 *
 * A column of its own rather than a prefix in citizen_id_index: adding it with a constant default
 * rewrites no row (instant on a large table), every existing index is the single key's, `v1`, and
 * while a rolling deploy still runs the previous version, its pods keep inserting and searching
 * bare index values as before, their rows correctly defaulting to `v1`.
 */
export class AddCitizenIdIndexKey1766100000000 implements MigrationInterface {
  name = 'AddCitizenIdIndexKey1766100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE dossiers ADD COLUMN citizen_id_index_key text NOT NULL DEFAULT 'v1'`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE dossiers DROP COLUMN citizen_id_index_key');
  }
}
