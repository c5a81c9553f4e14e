import { Redis } from 'ioredis';
import {
  advancedBy,
  parseSimulatedTimeState,
  setTo,
  SimulatedTimeError,
  SimulatedTimeState,
  startingAtRealTime,
  withRate,
} from './simulated-time';

/** One key holds the shared simulated time of all services; a second simulation on one Redis sets its own. */
export const DEFAULT_CLOCK_KEY = 'onestop:clock';

export interface ClockKeyOption {
  key?: string;
}

/** Every change is published here with the new state ('' when back to real time), so clocks follow within milliseconds. */
export function clockChannelOf(key: string): string {
  return `${key}:changed`;
}

/**
 * Writes the new state only if the key still holds what the change was computed from, and
 * publishes it in the same step: two commands racing cannot lose one's change, and no clock can
 * see a state that is not stored.
 */
const COMPARE_AND_PUBLISH = `
local current = redis.call('GET', KEYS[1]) or ''
if current ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
redis.call('PUBLISH', ARGV[3], ARGV[2])
return 1
`;

const MAX_ATTEMPTS = 10;

/** The shared simulated time; null when no simulation runs (the services' clocks follow real time). */
export async function readSimulatedClock(redis: Redis, options: ClockKeyOption = {}): Promise<SimulatedTimeState | null> {
  const stored = await redis.get(options.key ?? DEFAULT_CLOCK_KEY);
  return stored === null ? null : parseSimulatedTimeState(stored);
}

/** Starts the simulation at real time unless one runs; returns the state in force. */
export async function initialiseSimulatedClock(redis: Redis, options: ClockKeyOption = {}): Promise<SimulatedTimeState | null> {
  await redis.set(options.key ?? DEFAULT_CLOCK_KEY, JSON.stringify(startingAtRealTime(Date.now())), 'NX');
  return readSimulatedClock(redis, options);
}

/** Refuses a negative duration: time only moves forward. */
export function advanceSimulatedClock(redis: Redis, ms: number, options: ClockKeyOption = {}): Promise<SimulatedTimeState> {
  return changeSimulatedClock(redis, options, (state, realNowMs) => advancedBy(state, ms, realNowMs));
}

/** Going back to an earlier instant needs `force` (see `setTo`). */
export function setSimulatedClock(redis: Redis, instant: Date, options: ClockKeyOption & { force?: boolean } = {}): Promise<SimulatedTimeState> {
  return changeSimulatedClock(redis, options, (state, realNowMs) => setTo(state, instant, realNowMs, options));
}

export function setSimulatedRate(redis: Redis, rate: number, options: ClockKeyOption = {}): Promise<SimulatedTimeState> {
  return changeSimulatedClock(redis, options, (state, realNowMs) => withRate(state, rate, realNowMs));
}

/** Ends the simulation: the services' clocks follow real time again. */
export async function resetSimulatedClock(redis: Redis, options: ClockKeyOption = {}): Promise<void> {
  const key = options.key ?? DEFAULT_CLOCK_KEY;
  await redis.multi().del(key).publish(clockChannelOf(key), '').exec();
}

/** Applies a change to the state as stored now (real time if none), retrying when another change got in first. */
async function changeSimulatedClock(
  redis: Redis,
  options: ClockKeyOption,
  change: (state: SimulatedTimeState, realNowMs: number) => SimulatedTimeState,
): Promise<SimulatedTimeState> {
  const key = options.key ?? DEFAULT_CLOCK_KEY;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const stored = (await redis.get(key)) ?? '';
    const realNowMs = Date.now();
    const next = change(stored ? parseSimulatedTimeState(stored) : startingAtRealTime(realNowMs), realNowMs);
    const written = await redis.eval(COMPARE_AND_PUBLISH, 1, key, stored, JSON.stringify(next), clockChannelOf(key));
    if (written === 1) return next;
  }
  throw new SimulatedTimeError(`the simulated time kept changing under ${MAX_ATTEMPTS} attempts to change it; try again`);
}
