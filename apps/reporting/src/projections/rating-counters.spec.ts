import { ratingCounters } from './rating-counters';

describe('what a rating counts', () => {
  it.each([
    [1, { ratings: 1, rating_points_sum: 1, satisfied_ratings: 0 }],
    [2, { ratings: 1, rating_points_sum: 2, satisfied_ratings: 0 }],
    [3, { ratings: 1, rating_points_sum: 3, satisfied_ratings: 0 }],
    [4, { ratings: 1, rating_points_sum: 4, satisfied_ratings: 1 }],
    [5, { ratings: 1, rating_points_sum: 5, satisfied_ratings: 1 }],
  ])('a score of %i: one rating, its points, satisfied from 4 up', (score, counters) => {
    expect(ratingCounters(score)).toEqual(counters);
  });
});
