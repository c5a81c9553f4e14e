import { Injectable } from '@nestjs/common';
import { DOSSIER_STATUS, ServiceRated } from '@onestop/contracts';
import { createEvent, EventOrigin, OutboxWriter } from '@onestop/messaging';
import { Clock, currentCorrelationId } from '@onestop/platform';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { DossierEntity } from '../dossiers/dossier.entity';
import { DossierStore } from '../dossiers/dossier.store';
import { IntakeProblems } from '../problems';
import { PublicRatingDto } from './dto/public-rating.dto';
import { RateServiceDto } from './dto/rate-service.dto';
import { ServiceRatingDto } from './dto/service-rating.dto';
import { RatingsStore } from './ratings.store';
import { ServiceRatingEntity } from './service-rating.entity';

/** Nobody signs in to rate: the phone's digits prove the applicant, and the public form stands as the actor. */
const PUBLIC_RATING_ACTOR = { kind: 'system' as const, id: 'public-rating' };

/**
 * The applicant's rating of the service, once the result is handed over (status 10, as intake's
 * copy of the status has it from routing's events): stored once per dossier, published as
 * `ServiceRated` in the same transaction, the comment kept here alone.
 */
@Injectable()
export class RatingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly dossiers: DossierStore,
    private readonly ratings: RatingsStore,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async rate(code: string, command: RateServiceDto): Promise<ServiceRatingDto> {
    const now = this.clock.now();
    const comment = command.comment?.trim() ? command.comment.trim() : null;
    return this.dataSource.transaction(async (tx) => {
      const dossier = await this.dossiers.byCode(code, tx);
      // As the status look-up: an unknown code and wrong digits answer alike (a wrong try).
      if (!dossier || !dossier.applicantPhone.endsWith(command.phone))
        throw IntakeProblems.dossierNotFoundForPhone(code);
      if (dossier.status !== DOSSIER_STATUS.returned)
        throw IntakeProblems.notHandedOver(code, dossier.status, DOSSIER_STATUS.returned);
      const rating: ServiceRatingEntity = { dossierId: dossier.id, score: command.score, comment, ratedAt: now };
      if (!(await this.ratings.insertOnce(tx, rating))) {
        const kept = (await this.ratings.find(dossier.id, tx))!;
        throw IntakeProblems.alreadyRated(code, ratingView(code, kept));
      }
      await this.outbox.append(tx, [ratedEvent(dossier, rating)]);
      return ratingView(code, rating);
    });
  }

  /** What the public look-up says of the dossier's rating. */
  async publicState(dossier: Pick<DossierEntity, 'id' | 'status'>): Promise<PublicRatingDto> {
    const rating = await this.ratings.find(dossier.id);
    return {
      canRate: dossier.status === DOSSIER_STATUS.returned && !rating,
      rated: rating !== null,
      score: rating?.score ?? null,
    };
  }
}

function ratingView(code: string, rating: ServiceRatingEntity): ServiceRatingDto {
  return { code, score: rating.score, hasComment: rating.comment !== null, ratedAt: rating.ratedAt.toISOString() };
}

function ratedEvent(dossier: DossierEntity, rating: ServiceRatingEntity) {
  return createEvent(
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
      score: rating.score,
      hasComment: rating.comment !== null,
      ratedAt: rating.ratedAt.toISOString(),
    },
    publicOrigin(),
    rating.ratedAt,
  );
}

function publicOrigin(): EventOrigin {
  return {
    source: 'intake',
    actor: PUBLIC_RATING_ACTOR,
    correlationId: currentCorrelationId() ?? uuidv7(),
    causationId: null,
  };
}
