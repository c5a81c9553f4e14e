import {
  advanceChange,
  goingBackwardsRefused,
  parseSimulatedTimeState,
  rateChange,
  setChange,
  SimulatedTimeError,
  simulatedNowMs,
  TimeGoesBackwardsError,
} from './simulated-time';

const HOUR = 3_600_000;
const REAL_START = Date.parse('2026-11-23T08:00:00Z');
const SIMULATED_START = Date.parse('2026-12-01T01:00:00Z');
const anchored = (rate: number) => ({ anchorSimulatedMs: SIMULATED_START, anchorRealMs: REAL_START, rate });
const simulatedIso = (state: ReturnType<typeof anchored>, realMs: number) =>
  new Date(simulatedNowMs(state, realMs)).toISOString();

describe('simulated time', () => {
  it('flows from the simulated anchor at the rate: as real time, frozen, or a month in an hour', () => {
    expect(simulatedIso(anchored(1), REAL_START + 90_000)).toBe('2026-12-01T01:01:30.000Z');
    expect(simulatedIso(anchored(0), REAL_START + 5 * HOUR)).toBe('2026-12-01T01:00:00.000Z');
    expect(simulatedIso(anchored(720), REAL_START + HOUR)).toBe('2026-12-31T01:00:00.000Z');
  });

  it('advances from the simulated now by whole milliseconds, keeping the rate', () => {
    expect(advanceChange(3 * 24 * HOUR + 0.7)).toEqual({ target: { plusMs: 3 * 24 * HOUR } });
  });

  it('refuses to advance by a negative amount', () => {
    expect(() => advanceChange(-1)).toThrow(SimulatedTimeError);
    expect(() => advanceChange(Number.NaN)).toThrow(/time only moves forward/);
  });

  it('changes the rate from the simulated now on, refusing a negative one', () => {
    expect(rateChange(0)).toEqual({ target: { plusMs: 0 }, rate: 0 });
    expect(() => rateChange(-2)).toThrow(/at least 0/);
    expect(() => rateChange(Number.POSITIVE_INFINITY)).toThrow(SimulatedTimeError);
  });

  it('sets an instant, going back only when forced, and says why going back was refused', () => {
    const earlier = new Date('2026-11-30T00:00:00Z');
    expect(setChange(earlier)).toEqual({ target: { atMs: earlier.getTime() }, force: false });
    expect(setChange(earlier, { force: true }).force).toBe(true);
    expect(() => setChange(new Date('not a date'))).toThrow(/not a valid instant/);

    const refusal = goingBackwardsRefused(earlier.getTime(), SIMULATED_START);
    expect(refusal).toBeInstanceOf(TimeGoesBackwardsError);
    expect(refusal.message).toBe(
      '2026-11-30T00:00:00.000Z is before the simulated now (2026-12-01T01:00:00.000Z); deadline events already fired stay fired, so going back must be forced',
    );
  });

  it('reads a stored state and refuses anything else', () => {
    expect(parseSimulatedTimeState(JSON.stringify(anchored(720)))).toEqual(anchored(720));
    expect(() => parseSimulatedTimeState('not json')).toThrow(/not JSON/);
    expect(() => parseSimulatedTimeState('{"anchorSimulatedMs":1,"anchorRealMs":2,"rate":-1}')).toThrow(
      /is not \{anchorSimulatedMs/,
    );
    expect(() => parseSimulatedTimeState('null')).toThrow(SimulatedTimeError);
  });
});
