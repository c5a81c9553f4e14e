import { Injectable } from '@nestjs/common';
import { DOSSIER_STATUS, ServiceRated } from '@onestop/contracts';
import { createEvent, EventOrigin, OutboxWriter } from '@onestop/messaging';
import { Clock, currentCorrelationId, ProblemException } from '@onestop/platform';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { DOSSIER_COLUMNS, DossierRecord } from '../dossiers/dossier.record';
import { PublicRatingDto } from './dto/public-rating.response';
import { RateServiceDto } from './dto/rate-service.dto';
import { ServiceRatingDto } from './dto/service-rating.response';

/** Nobody signs in to rate: the phone's digits prove the applicant, and the public form stands as the actor. */
const PUBLIC_RATING_ACTOR = { kind: 'system' as const, id: 'public-rating' };

const notFound = (code: string) => new ProblemException(404, 'No such dossier', { detail: `no dossier ${code} with these phone digits` });

interface StoredRating {
  score: number;
  hasComment: boolean;
  ratedAt: Date;
}

/**
 * The applicant's rating of the service, once the result is handed over (status 10, as intake's
 * copy of the status has it from routing's events): stored once per dossier, published as
 * `ServiceRated` in the same transaction, the comment kept here alone.
 */
@Injectable()
export class RatingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async rate(code: string, command: RateServiceDto): Promise<ServiceRatingDto> {
    const now = this.clock.now();
    const comment = command.comment?.trim() ? command.comment.trim() : null;
    return this.dataSource.transaction(async (tx) => {
      const rows: DossierRecord[] = await tx.query(`SELECT ${DOSSIER_COLUMNS} FROM dossiers WHERE code = $1`, [code]);
      const dossier = rows[0];
      // As the status look-up: an unknown code and wrong digits answer alike (a wrong try).
      if (!dossier || !dossier.applicantPhone.endsWith(command.phone)) throw notFound(code);
      if (dossier.status !== DOSSIER_STATUS.returned) {
        throw new ProblemException(409, 'Not handed over yet', {
          type: 'conflict/not-handed-over',
          detail: `dossier ${code} has status ${dossier.status}; its service can be rated once the result is handed over (${DOSSIER_STATUS.returned})`,
          extensions: { dossierStatus: dossier.status },
        });
      }
      // The primary key keeps one rating per dossier: a second submission, even one racing this
      // one, inserts nothing (it waits for this transaction, then finds the row) and is refused.
      const inserted: { rated_at: Date }[] = await tx.query(
        `INSERT INTO service_ratings (dossier_id, score, comment, rated_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (dossier_id) DO NOTHING RETURNING rated_at`,
        [dossier.id, command.score, comment, now],
      );
      if (inserted.length === 0) {
        const kept = (await this.stored(tx, dossier.id))!;
        throw new ProblemException(409, 'Already rated', {
          type: 'conflict/already-rated',
          detail: `dossier ${code} was rated already; a dossier is rated once and the first rating is kept`,
          extensions: { rating: ratingView(code, kept) },
        });
      }
      await this.outbox.append(tx, [
        createEvent(
          ServiceRated,
          dossier.id,
          {
            dossierId: dossier.id,
            code: dossier.code,
            provinceCode: dossier.provinceCode,
            receivingUnitCode: dossier.receivingUnitCode,
            // Routing names the processing unit long before the hand-over; the desk stands in for a dossier it never did.
            unitCode: dossier.competentUnitCode ?? dossier.receivingUnitCode,
            procedureCode: dossier.procedureCode,
            score: command.score,
            hasComment: comment !== null,
            ratedAt: now.toISOString(),
          },
          publicOrigin(),
          now,
        ),
      ]);
      return ratingView(code, { score: command.score, hasComment: comment !== null, ratedAt: now });
    });
  }

  /** What the public look-up says of the dossier's rating. */
  async publicState(dossier: Pick<DossierRecord, 'id' | 'status'>): Promise<PublicRatingDto> {
    const rating = await this.stored(this.dataSource.manager, dossier.id);
    return { canRate: dossier.status === DOSSIER_STATUS.returned && !rating, rated: rating !== null, score: rating?.score ?? null };
  }

  private async stored(manager: EntityManager, dossierId: string): Promise<StoredRating | null> {
    const rows: StoredRating[] = await manager.query(
      `SELECT score, comment IS NOT NULL AS "hasComment", rated_at AS "ratedAt" FROM service_ratings WHERE dossier_id = $1`,
      [dossierId],
    );
    return rows[0] ?? null;
  }
}

function ratingView(code: string, rating: StoredRating): ServiceRatingDto {
  return { code, score: rating.score, hasComment: rating.hasComment, ratedAt: rating.ratedAt.toISOString() };
}

function publicOrigin(): EventOrigin {
  return { source: 'intake', actor: PUBLIC_RATING_ACTOR, correlationId: currentCorrelationId() ?? uuidv7(), causationId: null };
}
