import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who may read a document besides the province's roles: the officers of the unit that processes
 * its dossier (or of the signer's unit, for a document uploaded to be signed), of the unit that
 * received the dossier, and the applicant's citizen account. Documents stored before carry none
 * and stay with the province's roles. A signature request keeps its province, so that a lock or
 * revocation in one province's registry fails no other province's waiting results.
 */
export class DocumentReaders1764600000000 implements MigrationInterface {
  name = 'DocumentReaders1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `ALTER TABLE documents ADD COLUMN unit_code text, ADD COLUMN receiving_unit_code text, ADD COLUMN applicant_subject text`,
    );
    await runner.query(`ALTER TABLE signature_requests ADD COLUMN province_code text`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE signature_requests DROP COLUMN province_code`);
    await runner.query(
      `ALTER TABLE documents DROP COLUMN applicant_subject, DROP COLUMN receiving_unit_code, DROP COLUMN unit_code`,
    );
  }
}
