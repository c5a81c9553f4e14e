import {
  advancedBy,
  parseSimulatedTimeState,
  setTo,
  SimulatedTimeError,
  simulatedNowMs,
  startingAtRealTime,
  TimeGoesBackwardsError,
  withRate,
} from './simulated-time';

const HOUR = 3_600_000;
const REAL_START = Date.parse('2026-11-23T08:00:00Z');
const SIMULATED_START = Date.parse('2026-12-01T01:00:00Z');
const anchored = (rate: number) => ({ anchorSimulatedMs: SIMULATED_START, anchorRealMs: REAL_START, rate });
const simulatedIso = (state: ReturnType<typeof anchored>, realMs: number) => new Date(simulatedNowMs(state, realMs)).toISOString();

describe('simulated time', () => {
  it('flows from the simulated anchor at the rate: as real time, frozen, or a month in an hour', () => {
    expect(simulatedIso(anchored(1), REAL_START + 90_000)).toBe('2026-12-01T01:01:30.000Z');
    expect(simulatedIso(anchored(0), REAL_START + 5 * HOUR)).toBe('2026-12-01T01:00:00.000Z');
    expect(simulatedIso(anchored(720), REAL_START + HOUR)).toBe('2026-12-31T01:00:00.000Z');
  });

  it('starts where real time is', () => {
    expect(simulatedNowMs(startingAtRealTime(REAL_START), REAL_START + 1_234)).toBe(REAL_START + 1_234);
  });

  it('advances from the simulated now and keeps flowing at the same rate', () => {
    const state = advancedBy(anchored(720), 3 * 24 * HOUR, REAL_START + 5_000);
    expect(state).toEqual({ anchorSimulatedMs: SIMULATED_START + 720 * 5_000 + 3 * 24 * HOUR, anchorRealMs: REAL_START + 5_000, rate: 720 });
  });

  it('refuses to advance by a negative amount', () => {
    expect(() => advancedBy(anchored(1), -1, REAL_START)).toThrow(SimulatedTimeError);
    expect(() => advancedBy(anchored(1), Number.NaN, REAL_START)).toThrow(/time only moves forward/);
  });

  it('changes the rate from now on without moving the time already passed', () => {
    const realNow = REAL_START + 10 * 60_000;
    const state = withRate(anchored(720), 0, realNow);
    expect(simulatedIso(state, realNow)).toBe('2026-12-06T01:00:00.000Z');
    expect(simulatedIso(state, realNow + HOUR)).toBe('2026-12-06T01:00:00.000Z');
    expect(() => withRate(anchored(1), -2, realNow)).toThrow(/at least 0/);
  });

  it('sets a later instant, and an earlier one only when forced', () => {
    const later = new Date('2027-01-01T00:00:00Z');
    expect(simulatedIso(setTo(anchored(1), later, REAL_START), REAL_START)).toBe(later.toISOString());
    const earlier = new Date('2026-11-30T00:00:00Z');
    expect(() => setTo(anchored(1), earlier, REAL_START)).toThrow(TimeGoesBackwardsError);
    expect(setTo(anchored(1), earlier, REAL_START, { force: true })).toEqual({ anchorSimulatedMs: earlier.getTime(), anchorRealMs: REAL_START, rate: 1 });
  });

  it('reads a stored state and refuses anything else', () => {
    expect(parseSimulatedTimeState(JSON.stringify(anchored(720)))).toEqual(anchored(720));
    expect(() => parseSimulatedTimeState('not json')).toThrow(/not JSON/);
    expect(() => parseSimulatedTimeState('{"anchorSimulatedMs":1,"anchorRealMs":2,"rate":-1}')).toThrow(/is not \{anchorSimulatedMs/);
    expect(() => parseSimulatedTimeState('null')).toThrow(SimulatedTimeError);
  });
});
