import { MigrationInterface, QueryRunner } from 'typeorm';
import { CREATE_MESSAGING_TABLES, DROP_MESSAGING_TABLES } from '../outbox/outbox.sql';

/** The outbox and inbox every service keeps in its own database; each service lists this first. */
export class CreateMessagingTables1763800000000 implements MigrationInterface {
  name = 'CreateMessagingTables1763800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of CREATE_MESSAGING_TABLES) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DROP_MESSAGING_TABLES) await queryRunner.query(statement);
  }
}
