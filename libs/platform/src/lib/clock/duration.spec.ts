import { parseDuration } from './duration';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('parseDuration', () => {
  it.each([
    ['90m', 90 * MINUTE],
    ['8h', 8 * HOUR],
    ['3d', 3 * DAY],
    ['2w', 14 * DAY],
    ['1d12h', DAY + 12 * HOUR],
    ['1w2d3h4m5s', 9 * DAY + 3 * HOUR + 4 * MINUTE + 5_000],
    ['30s', 30_000],
  ])('reads %s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '90', 'h', '1.5h', '-1d', '12h1d', '1d1d', '1 d', '3mo', '1day'])(
    'refuses %j and says what a duration looks like',
    (text) => {
      expect(() => parseDuration(text)).toThrow(
        /is not a duration: whole numbers of w, d, h, m, s, largest first, e\.g\. 90m/,
      );
    },
  );
});
