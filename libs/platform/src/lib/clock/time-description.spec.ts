import { describeInstant, describeRate, describeSimulatedTime } from './time-description';

describe('time description', () => {
  it('shows an instant in UTC and as the province reads it', () => {
    expect(describeInstant(new Date('2026-12-01T17:30:00Z'))).toBe(
      '2026-12-01T17:30:00.000Z (Wed 2026-12-02 00:30:00 Asia/Ho_Chi_Minh)',
    );
  });

  it('says how fast simulated time flows', () => {
    expect(describeRate(0)).toBe('rate 0 (frozen)');
    expect(describeRate(1)).toBe('rate 1 (flows as real time)');
    expect(describeRate(720)).toBe('rate 720 (a real minute is 12 h simulated)');
    expect(describeRate(2880)).toBe('rate 2880 (a real minute is 2 d simulated)');
    expect(describeRate(30)).toBe('rate 30 (a real minute is 30 min simulated)');
  });

  it('shows the simulated now with its rate', () => {
    const state = { anchorSimulatedMs: Date.parse('2026-12-01T01:00:00Z'), anchorRealMs: 0, rate: 0 };
    expect(describeSimulatedTime(state, 5_000)).toBe(
      '2026-12-01T01:00:00.000Z (Tue 2026-12-01 08:00:00 Asia/Ho_Chi_Minh), rate 0 (frozen)',
    );
  });
});
