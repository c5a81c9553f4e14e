import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('doubles from the base and stops at the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((attempt) => backoffDelay(attempt, 200, 5000))).toEqual([
      200, 400, 800, 1600, 3200, 5000,
    ]);
  });
});
