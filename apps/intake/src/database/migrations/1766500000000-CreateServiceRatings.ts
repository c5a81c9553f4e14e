import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The applicants' ratings of the service, once each result is handed over: one per dossier, kept
 * by the primary key (two submissions at once store one), with the comment if one was written.
 * The comment stays here: the `ServiceRated` event says only whether there was one.
 */
export class CreateServiceRatings1766500000000 implements MigrationInterface {
  name = 'CreateServiceRatings1766500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE service_ratings (
        dossier_id uuid NOT NULL REFERENCES dossiers (id),
        score smallint NOT NULL CHECK (score BETWEEN 1 AND 5),
        comment text CHECK (char_length(comment) BETWEEN 1 AND 1000),
        rated_at timestamptz NOT NULL,
        CONSTRAINT service_ratings_once_per_dossier PRIMARY KEY (dossier_id)
      )
    `);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE service_ratings');
  }
}
