import { CreateAdministrativeUnits1763900000000 } from '@onestop/reference-data';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Templates and webhooks belong to a province.
 *
 * - Templates: a row with `province_code` NULL is a national default (the seeded versions, which
 *   no province edits); a province's versions shadow it for that province's notices only. Each
 *   scope numbers its own versions. Versions saved through the API before this migration were
 *   written by some province's administrator, but the table never recorded which one, and they
 *   applied to every province: they move to `templates_unattributed` (kept, not used), the
 *   national default is the seeded version again, and a province that had its own text saves it
 *   again as its own version.
 * - Deliveries record which province's version they used (`template_province_code`, NULL for
 *   the national default). Receivers' answers stored in `last_error` by earlier versions
 *   (`HTTP 500: <their body>`) are cut back to the status.
 * - The unit directory (reference data) comes to this database, to tell which units belong to a
 *   province; subscriptions whose tenant is not the province or one of its units are switched off.
 */
export class ProvinceScopedTemplatesAndWebhooks1765000000000 implements MigrationInterface {
  name = 'ProvinceScopedTemplatesAndWebhooks1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE templates_unattributed (LIKE templates INCLUDING DEFAULTS)`);
    await runner.query(`INSERT INTO templates_unattributed SELECT * FROM templates WHERE created_by <> 'seed'`);
    await runner.query(`DELETE FROM templates WHERE created_by <> 'seed'`);
    await runner.query(`ALTER TABLE templates ADD COLUMN province_code text CHECK (province_code ~ '^[0-9]{2}$')`);
    await runner.query(`ALTER TABLE templates DROP CONSTRAINT templates_pkey`);
    // One national series and one per province; a concurrent save of the same next version still fails one of the two.
    await runner.query(
      `CREATE UNIQUE INDEX templates_national_version ON templates (kind, channel, locale, version) WHERE province_code IS NULL`,
    );
    await runner.query(
      `CREATE UNIQUE INDEX templates_province_version ON templates (province_code, kind, channel, locale, version) WHERE province_code IS NOT NULL`,
    );

    await runner.query(`ALTER TABLE deliveries ADD COLUMN template_province_code text`);
    await runner.query(
      `UPDATE deliveries SET last_error = substring(last_error FROM '^HTTP [0-9]{3}') WHERE channel = 'webhook' AND last_error ~ '^HTTP [0-9]{3}:'`,
    );

    // Reference data's own migration, not live code of ours: the directory table as every database holding a copy of it is built.
    await new CreateAdministrativeUnits1763900000000().up(runner);
    await runner.query(`
      UPDATE webhook_subscriptions s SET active = false
       WHERE active AND tenant_code <> province_code
         AND NOT EXISTS (SELECT 1 FROM administrative_units u
                          WHERE u.province_code = s.province_code
                            AND (u.code = s.tenant_code OR (u.kind = 'commune' AND starts_with(s.tenant_code, u.code || '.'))))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE administrative_units');
    await runner.query('ALTER TABLE deliveries DROP COLUMN template_province_code');
    await runner.query('DELETE FROM templates WHERE province_code IS NOT NULL');
    await runner.query('DROP INDEX templates_national_version');
    await runner.query('DROP INDEX templates_province_version');
    await runner.query('ALTER TABLE templates DROP COLUMN province_code');
    await runner.query('ALTER TABLE templates ADD PRIMARY KEY (kind, channel, locale, version)');
    await runner.query('INSERT INTO templates SELECT * FROM templates_unattributed');
    await runner.query('DROP TABLE templates_unattributed');
  }
}
