/**
 * The simulated time shared by the services: an anchor (a simulated instant and the real instant
 * it was set at) and the rate simulated time flows at from there. Anchors, not a stored "now",
 * so every service computes the same time on its own between changes without asking anyone.
 */
export interface SimulatedTimeState {
  anchorSimulatedMs: number;
  /**
   * Real time on Redis's clock, not any one machine's: the machines' clocks disagree by
   * milliseconds to minutes, which the rate would multiply (see `SharedSimulatedClock`).
   */
  anchorRealMs: number;
  /** Simulated milliseconds per real one: 1 flows as real time, 0 is frozen, 720 plays a month in an hour. */
  rate: number;
}

/** Raised for a change the shared clock refuses; the message says why. */
export class SimulatedTimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SimulatedTimeError';
  }
}

/** Raised for a move to an earlier instant that was not forced. */
export class TimeGoesBackwardsError extends SimulatedTimeError {}

export function simulatedNowMs(state: SimulatedTimeState, realNowMs: number): number {
  return Math.floor(state.anchorSimulatedMs + (realNowMs - state.anchorRealMs) * state.rate);
}

/**
 * A change to the simulated time, as data rather than a new state: it takes effect at the real
 * instant it is written, which only the store knows (Redis's clock, read in the same step as the
 * write), so the store applies it there.
 */
export interface SimulatedTimeChange {
  /** The simulated time from then on: the simulated now moved forward by `plusMs`, or the instant `atMs`. */
  target: { plusMs: number } | { atMs: number };
  /** The rate from then on; the current one when absent. */
  rate?: number;
  /** Lets `atMs` be before the simulated now. */
  force?: boolean;
}

export function advanceChange(ms: number): SimulatedTimeChange {
  if (!Number.isFinite(ms) || ms < 0) {
    throw new SimulatedTimeError(`time only moves forward: cannot advance by ${ms} ms`);
  }
  return { target: { plusMs: Math.floor(ms) } };
}

/**
 * Moving to an earlier instant needs `force`: deadline events that already fired and the records
 * stamped with the later time stay, so the services would see time run backwards past them.
 */
export function setChange(instant: Date, options: { force?: boolean } = {}): SimulatedTimeChange {
  const atMs = instant.getTime();
  if (Number.isNaN(atMs)) throw new SimulatedTimeError('not a valid instant');
  return { target: { atMs }, force: options.force ?? false };
}

/** A new rate from now on: the time already passed stays as it was. */
export function rateChange(rate: number): SimulatedTimeChange {
  if (!isRate(rate)) throw new SimulatedTimeError(`the rate must be a number of at least 0 (got ${rate})`);
  return { target: { plusMs: 0 }, rate };
}

/** The refusal of a move to `targetMs` found to be before the simulated now `currentMs` when it was to be written. */
export function goingBackwardsRefused(targetMs: number, currentMs: number): TimeGoesBackwardsError {
  return new TimeGoesBackwardsError(
    `${new Date(targetMs).toISOString()} is before the simulated now (${new Date(currentMs).toISOString()}); ` +
      'deadline events already fired stay fired, so going back must be forced',
  );
}

function isRate(rate: unknown): rate is number {
  return typeof rate === 'number' && Number.isFinite(rate) && rate >= 0;
}

/** Reads a stored state, refusing anything that is not one (a hand-edited key, another program's). */
export function parseSimulatedTimeState(text: string): SimulatedTimeState {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SimulatedTimeError(`the stored simulated time is not JSON: ${text.slice(0, 100)}`);
  }
  const state = value as Partial<SimulatedTimeState> | null;
  if (
    !state ||
    !Number.isSafeInteger(state.anchorSimulatedMs) ||
    !Number.isSafeInteger(state.anchorRealMs) ||
    !isRate(state.rate)
  ) {
    throw new SimulatedTimeError(
      `the stored simulated time is not {anchorSimulatedMs, anchorRealMs, rate}: ${text.slice(0, 100)}`,
    );
  }
  return { anchorSimulatedMs: state.anchorSimulatedMs!, anchorRealMs: state.anchorRealMs!, rate: state.rate };
}
