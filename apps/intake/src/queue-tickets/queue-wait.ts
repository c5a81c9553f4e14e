/**
 * Before a unit has called two tickets today there is no pace to measure: a desk takes about
 * five minutes per citizen at the communes' centres, so that is the estimate until then.
 */
export const DEFAULT_MINUTES_PER_CALL = 5;

/**
 * Minutes a waiting ticket may still wait: the people ahead times today's pace at the unit, the
 * average interval between its recent calls (all counters together, so more open counters make
 * calls come faster). Rounded up to whole minutes; 0 when nobody is ahead.
 */
export function estimatedWaitMinutes(recentCallTimes: readonly string[], waitingAhead: number): number {
  if (waitingAhead <= 0) return 0;
  return Math.ceil(waitingAhead * minutesPerCall(recentCallTimes));
}

/** The average minutes between consecutive calls among the recent ones, or the default with fewer than two. */
export function minutesPerCall(recentCallTimes: readonly string[]): number {
  const times = recentCallTimes.map((time) => Date.parse(time)).filter((time) => Number.isFinite(time));
  if (times.length < 2) return DEFAULT_MINUTES_PER_CALL;
  const span = Math.max(...times) - Math.min(...times);
  return span / (times.length - 1) / 60_000;
}
