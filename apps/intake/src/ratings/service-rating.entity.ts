import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A citizen's rating of the service once the result is handed over: one per dossier. */
@Entity({ name: 'service_ratings' })
export class ServiceRatingEntity {
  @PrimaryColumn('uuid', { name: 'dossier_id' })
  dossierId: string;

  @Column('smallint')
  score: number;

  @Column('text', { nullable: true })
  comment: string | null;

  @Column('timestamptz', { name: 'rated_at' })
  ratedAt: Date;
}
