/** Largest first; days and weeks are calendar time (24 h), not working time. */
const UNITS: [unit: string, ms: number][] = [
  ['w', 7 * 86_400_000],
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1_000],
];

/** Each unit at most once, largest first, so `1d12h` reads one way only. */
const DURATION = new RegExp(`^${UNITS.map(([unit]) => `(?:(\\d+)${unit})?`).join('')}$`);

/** A duration such as `90m`, `8h`, `3d`, `2w` or `1d12h`, in milliseconds. */
export function parseDuration(text: string): number {
  const match = DURATION.exec(text);
  if (!text || !match) {
    throw new Error(
      `${JSON.stringify(text)} is not a duration: whole numbers of w, d, h, m, s, largest first, e.g. 90m, 8h, 3d, 2w, 1d12h`,
    );
  }
  return UNITS.reduce((total, [, ms], index) => total + Number(match[index + 1] ?? 0) * ms, 0);
}
