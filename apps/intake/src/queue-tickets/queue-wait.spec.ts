import { DEFAULT_MINUTES_PER_CALL, estimatedWaitMinutes, minutesPerCall } from './queue-wait';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 3, 2, minute)).toISOString();

describe("a ticket's estimated wait", () => {
  it('uses the default pace before two calls were made today', () => {
    expect(minutesPerCall([])).toBe(DEFAULT_MINUTES_PER_CALL);
    expect(minutesPerCall([at(0)])).toBe(DEFAULT_MINUTES_PER_CALL);
    expect(estimatedWaitMinutes([at(0)], 3)).toBe(3 * DEFAULT_MINUTES_PER_CALL);
  });

  it('multiplies the people ahead by the average interval between recent calls, in any order', () => {
    // Calls at 0, 4, 6 and 12 minutes: 12 minutes over 3 intervals, 4 minutes each.
    expect(minutesPerCall([at(12), at(6), at(0), at(4)])).toBe(4);
    expect(estimatedWaitMinutes([at(12), at(6), at(0), at(4)], 5)).toBe(20);
  });

  it('rounds up to whole minutes and says 0 when nobody is ahead', () => {
    // Three calls in 5 minutes: 2.5 minutes each; two ahead, 5 minutes; one ahead, 3 (2.5 rounded up).
    expect(estimatedWaitMinutes([at(0), at(2), at(5)], 2)).toBe(5);
    expect(estimatedWaitMinutes([at(0), at(2), at(5)], 1)).toBe(3);
    expect(estimatedWaitMinutes([at(0), at(2), at(5)], 0)).toBe(0);
  });

  it('ignores a time it cannot read', () => {
    expect(minutesPerCall(['not a time', at(0), at(6)])).toBe(6);
  });
});
