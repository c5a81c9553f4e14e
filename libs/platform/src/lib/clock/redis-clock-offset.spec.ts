import { offsetFromQuickest } from './redis-clock-offset';

describe('offset to Redis time', () => {
  it('is Redis time minus the middle of the round trip', () => {
    expect(offsetFromQuickest([{ sentMs: 1_000, redisMs: 6_002, receivedMs: 1_004 }])).toBe(5_000);
    expect(offsetFromQuickest([{ sentMs: 1_000, redisMs: 998, receivedMs: 1_000 }])).toBe(-2);
  });

  it('trusts the quickest round trip, which bounds the error tightest', () => {
    const slow = { sentMs: 1_000, redisMs: 1_090, receivedMs: 1_100 };
    const quick = { sentMs: 2_000, redisMs: 2_001, receivedMs: 2_002 };
    expect(offsetFromQuickest([slow, quick, slow])).toBe(0);
  });
});
