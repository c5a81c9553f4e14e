/**
 * The simulated time shared by the services: an anchor (a simulated instant and the real instant
 * it was set at) and the rate simulated time flows at from there. Anchors, not a stored "now",
 * so every service computes the same time on its own between changes without asking anyone.
 */
export interface SimulatedTimeState {
  anchorSimulatedMs: number;
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

/** Simulated time that starts where real time is and flows with it. */
export function startingAtRealTime(realNowMs: number): SimulatedTimeState {
  return { anchorSimulatedMs: realNowMs, anchorRealMs: realNowMs, rate: 1 };
}

/** Re-anchors at the present so a change applies from now on and the time before it stays as it was. */
function reanchored(state: SimulatedTimeState, realNowMs: number): SimulatedTimeState {
  return { anchorSimulatedMs: simulatedNowMs(state, realNowMs), anchorRealMs: realNowMs, rate: state.rate };
}

export function advancedBy(state: SimulatedTimeState, ms: number, realNowMs: number): SimulatedTimeState {
  if (!Number.isFinite(ms) || ms < 0) {
    throw new SimulatedTimeError(`time only moves forward: cannot advance by ${ms} ms`);
  }
  const now = reanchored(state, realNowMs);
  return { ...now, anchorSimulatedMs: now.anchorSimulatedMs + Math.floor(ms) };
}

/**
 * Moving to an earlier instant needs `force`: deadline events that already fired and the records
 * stamped with the later time stay, so the services would see time run backwards past them.
 */
export function setTo(state: SimulatedTimeState, instant: Date, realNowMs: number, options: { force?: boolean } = {}): SimulatedTimeState {
  const target = instant.getTime();
  if (Number.isNaN(target)) throw new SimulatedTimeError('not a valid instant');
  const current = simulatedNowMs(state, realNowMs);
  if (target < current && !options.force) {
    throw new TimeGoesBackwardsError(
      `${instant.toISOString()} is before the simulated now (${new Date(current).toISOString()}); ` +
        'deadline events already fired stay fired, so going back must be forced',
    );
  }
  return { anchorSimulatedMs: target, anchorRealMs: realNowMs, rate: state.rate };
}

export function withRate(state: SimulatedTimeState, rate: number, realNowMs: number): SimulatedTimeState {
  if (!isRate(rate)) throw new SimulatedTimeError(`the rate must be a number of at least 0 (got ${rate})`);
  return { ...reanchored(state, realNowMs), rate };
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
  if (!state || !Number.isSafeInteger(state.anchorSimulatedMs) || !Number.isSafeInteger(state.anchorRealMs) || !isRate(state.rate)) {
    throw new SimulatedTimeError(`the stored simulated time is not {anchorSimulatedMs, anchorRealMs, rate}: ${text.slice(0, 100)}`);
  }
  return { anchorSimulatedMs: state.anchorSimulatedMs!, anchorRealMs: state.anchorRealMs!, rate: state.rate };
}
