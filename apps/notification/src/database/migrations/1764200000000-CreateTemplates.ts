import { MigrationInterface, QueryRunner } from 'typeorm';
import { NATIONAL_TEMPLATES_V1 } from './1764200000000-CreateTemplates.seed';

/** Message templates per kind × channel × locale, each change a new version (deliveries name theirs). */
export class CreateTemplates1764200000000 implements MigrationInterface {
  name = 'CreateTemplates1764200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE templates (
        kind text NOT NULL,
        channel text NOT NULL,
        locale text NOT NULL,
        version integer NOT NULL CHECK (version > 0),
        subject text,
        body text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kind, channel, locale, version)
      )`);
    for (const template of NATIONAL_TEMPLATES_V1) {
      await runner.query(
        `INSERT INTO templates (kind, channel, locale, version, subject, body, created_by) VALUES ($1, $2, $3, 1, $4, $5, 'seed')`,
        [template.kind, template.channel, template.locale, template.subject, template.body],
      );
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE templates');
  }
}
