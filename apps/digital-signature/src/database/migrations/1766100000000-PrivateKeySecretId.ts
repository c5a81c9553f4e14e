import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The id of the KEY_ENCRYPTION_SECRET passphrase each server-side key is encrypted under, so the
 * passphrase can rotate: keys are opened by the id they carry and re-encrypted row by row.
 *
 * Every key stored so far is under the single secret, `v1`. The default stays for the rolling
 * deploy: pods of the previous version, which encrypt with that single secret, keep inserting
 * without naming the column. Device keys store nothing, so their id is cleared.
 */
export class PrivateKeySecretId1766100000000 implements MigrationInterface {
  name = 'PrivateKeySecretId1766100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE certificates ADD COLUMN private_key_secret_id text DEFAULT 'v1'`);
    await runner.query('UPDATE certificates SET private_key_secret_id = NULL WHERE encrypted_private_key IS NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE certificates DROP COLUMN private_key_secret_id');
  }
}
