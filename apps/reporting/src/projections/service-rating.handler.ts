import { Injectable } from '@nestjs/common';
import { EnvelopeOf, SATISFIED_RATING_SCORE, ServiceRated } from '@onestop/contracts';
import { EventHandler, HandlesEvent } from '@onestop/messaging';
import { EntityManager } from 'typeorm';
import { counterRowAt, CounterIncrements } from './daily-counters';
import { DossierFactStore } from './dossier-fact.store';

/** What one rating adds to the counters: one rating, its score, and one satisfied rating from 4 up. */
export function ratingCounters(score: number): CounterIncrements {
  return { ratings: 1, rating_points_sum: score, satisfied_ratings: score >= SATISFIED_RATING_SCORE ? 1 : 0 };
}

/**
 * An applicant's rating, counted for the unit that processed the dossier (as outcomes are: how the
 * dossier was handled is that unit's doing, wherever it was received), its procedure, on the local
 * day of the rating. The event names all three, so a dossier received before reporting listened
 * counts too. Once per event, by the inbox; intake publishes one rating per dossier at most. No
 * comment reaches reporting: the event says only whether there was one, and that is not kept.
 */
@Injectable()
@HandlesEvent(ServiceRated)
export class ProjectServiceRating implements EventHandler<EnvelopeOf<typeof ServiceRated>> {
  constructor(private readonly facts: DossierFactStore) {}

  async handle(event: EnvelopeOf<typeof ServiceRated>, tx: EntityManager): Promise<void> {
    const { provinceCode, unitCode, procedureCode, score, ratedAt } = event.payload;
    this.facts.count(tx, counterRowAt({ provinceCode, procedureCode }, unitCode, new Date(ratedAt)), ratingCounters(score));
  }
}
