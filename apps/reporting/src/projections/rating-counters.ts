import { SATISFIED_RATING_SCORE } from '@onestop/contracts';
import { CounterIncrements } from '../read-model/counters';

/** What one rating adds to the counters: one rating, its score, and one satisfied rating from 4 up. */
export function ratingCounters(score: number): CounterIncrements {
  return { ratings: 1, rating_points_sum: score, satisfied_ratings: score >= SATISFIED_RATING_SCORE ? 1 : 0 };
}
