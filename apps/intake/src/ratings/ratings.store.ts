import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ServiceRatingEntity } from './service-rating.entity';

/** The applicants' ratings, one per dossier. */
@Injectable()
export class RatingsStore {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores the rating unless the dossier has one: the primary key keeps one rating per dossier, so
   * a second submission, even one racing this one, inserts nothing (it waits for this transaction,
   * then finds the row). False when nothing was inserted.
   */
  async insertOnce(tx: EntityManager, rating: ServiceRatingEntity): Promise<boolean> {
    const inserted: unknown[] = await tx.query(
      `INSERT INTO service_ratings (dossier_id, score, comment, rated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (dossier_id) DO NOTHING RETURNING dossier_id`,
      [rating.dossierId, rating.score, rating.comment, rating.ratedAt],
    );
    return inserted.length > 0;
  }

  find(dossierId: string, manager: EntityManager = this.dataSource.manager): Promise<ServiceRatingEntity | null> {
    return manager.findOneBy(ServiceRatingEntity, { dossierId });
  }
}
