import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the leaders' dashboard reads besides the counters: who holds each dossier and the last
 * action taken on it, the time of the latest event projected, and an index of the open dossiers by
 * deadline per unit. The index holds only open dossiers with a running clock, a small part of the
 * facts, and none of its columns changes on most events, so status changes still update in place.
 */
export class DashboardDrillDown1765600000000 implements MigrationInterface {
  name = 'DashboardDrillDown1765600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE dossier_facts ADD COLUMN assignee_id text, ADD COLUMN last_action text');
    await runner.query(
      'CREATE INDEX dossier_facts_open_by_deadline ON dossier_facts (province_code, unit_code, due_at, dossier_id) WHERE finished_at IS NULL AND due_at IS NOT NULL',
    );
    await runner.query(`
      CREATE TABLE read_model_freshness (
        -- The projecting connection's backend pid: batches on concurrent connections each move their
        -- own row and never wait for one another; the freshness is the latest of the few rows.
        connection integer PRIMARY KEY,
        last_event_at timestamptz NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE read_model_freshness');
    await runner.query('DROP INDEX dossier_facts_open_by_deadline');
    await runner.query('ALTER TABLE dossier_facts DROP COLUMN assignee_id, DROP COLUMN last_action');
  }
}
