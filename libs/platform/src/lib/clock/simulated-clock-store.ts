import type { RedisClientType } from 'redis';
import {
  advanceChange,
  goingBackwardsRefused,
  parseSimulatedTimeState,
  rateChange,
  setChange,
  SimulatedTimeChange,
  SimulatedTimeError,
  SimulatedTimeState,
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
 * Real time is Redis's clock, read inside the script that writes the anchor: the caller's clock
 * may be off by seconds, and any time read before the write would be older than the write by the
 * round trip, which the rate multiplies into a step of the followers' time. Scripts calling TIME
 * are replicated by their effects, the default since Redis 5 and the only way from Redis 7.
 */
const AT_REDIS_TIME = `
local time = redis.call('TIME')
local real_now_ms = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
-- %.0f writes the integers out in full; tostring would round them to 14 digits.
local function state_json(simulated_ms, real_ms, rate_json)
  return string.format('{"anchorSimulatedMs":%.0f,"anchorRealMs":%.0f,"rate":%s}', simulated_ms, real_ms, rate_json)
end
`;

/** Starts the simulation where real time is, unless one runs. */
const START_UNLESS_RUNNING = `${AT_REDIS_TIME}
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('SET', KEYS[1], state_json(real_now_ms, real_now_ms, '1'))
return 1
`;

/**
 * Applies a change at Redis's present: re-anchors the stored state there (as `simulatedNowMs`
 * computes it) and moves the simulated time to the target. Only if the key still holds the state
 * the change was checked against ('' for none), and publishing in the same step: two commands
 * racing cannot lose one's change, and no clock can see a state that is not stored.
 * ARGV: that state, the channel, 'plus' or 'at', the target's milliseconds, the rate from then on
 * as JSON, 'force' to let the target be before the simulated now.
 */
const CHANGE_AT_REDIS_TIME = `${AT_REDIS_TIME}
local stored = redis.call('GET', KEYS[1]) or ''
if stored ~= ARGV[1] then return {'changed'} end
local simulated_now_ms = real_now_ms
if stored ~= '' then
  local state = cjson.decode(stored)
  simulated_now_ms = math.floor(state.anchorSimulatedMs + (real_now_ms - state.anchorRealMs) * state.rate)
end
local target_ms = tonumber(ARGV[4])
if ARGV[3] == 'plus' then target_ms = simulated_now_ms + target_ms end
if target_ms < simulated_now_ms and ARGV[6] ~= 'force' then
  return {'backwards', string.format('%.0f', simulated_now_ms)}
end
local written = state_json(target_ms, real_now_ms, ARGV[5])
redis.call('SET', KEYS[1], written)
redis.call('PUBLISH', ARGV[2], written)
return {'written', written}
`;

const MAX_ATTEMPTS = 10;

/** The rate of a simulation that has not started: it flows as real time. */
const REAL_TIME_RATE = 1;

/** The shared simulated time; null when no simulation runs (the services' clocks follow real time). */
export async function readSimulatedClock(
  redis: RedisClientType,
  options: ClockKeyOption = {},
): Promise<SimulatedTimeState | null> {
  const stored = await redis.get(options.key ?? DEFAULT_CLOCK_KEY);
  return stored === null ? null : parseSimulatedTimeState(stored);
}

/** Redis's clock in milliseconds, to the microsecond: the real time simulated time is anchored to. */
export async function readRedisTimeMs(redis: RedisClientType): Promise<number> {
  const [seconds, microseconds] = await redis.time();
  return Number(seconds) * 1_000 + Number(microseconds) / 1_000;
}

/** Starts the simulation at real time unless one runs; returns the state in force. */
export async function initialiseSimulatedClock(
  redis: RedisClientType,
  options: ClockKeyOption = {},
): Promise<SimulatedTimeState | null> {
  await redis.eval(START_UNLESS_RUNNING, { keys: [options.key ?? DEFAULT_CLOCK_KEY] });
  return readSimulatedClock(redis, options);
}

/** Refuses a negative duration: time only moves forward. */
export async function advanceSimulatedClock(
  redis: RedisClientType,
  ms: number,
  options: ClockKeyOption = {},
): Promise<SimulatedTimeState> {
  return changeSimulatedClock(redis, advanceChange(ms), options);
}

/** Going back to an earlier instant needs `force` (see `setChange`). */
export async function setSimulatedClock(
  redis: RedisClientType,
  instant: Date,
  options: ClockKeyOption & { force?: boolean } = {},
): Promise<SimulatedTimeState> {
  return changeSimulatedClock(redis, setChange(instant, options), options);
}

export async function setSimulatedRate(
  redis: RedisClientType,
  rate: number,
  options: ClockKeyOption = {},
): Promise<SimulatedTimeState> {
  return changeSimulatedClock(redis, rateChange(rate), options);
}

/** Ends the simulation: the services' clocks follow real time again. */
export async function resetSimulatedClock(redis: RedisClientType, options: ClockKeyOption = {}): Promise<void> {
  const key = options.key ?? DEFAULT_CLOCK_KEY;
  await redis.multi().del(key).publish(clockChannelOf(key), '').exec();
}

/** Applies a change to the state as stored now (real time if none), retrying when another change got in first. */
async function changeSimulatedClock(
  redis: RedisClientType,
  change: SimulatedTimeChange,
  options: ClockKeyOption,
): Promise<SimulatedTimeState> {
  const key = options.key ?? DEFAULT_CLOCK_KEY;
  const [targetFrom, targetMs] =
    'plusMs' in change.target ? ['plus', change.target.plusMs] : ['at', change.target.atMs];
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const stored = (await redis.get(key)) ?? '';
    // Parsed here so a key that holds no state is refused before the script computes with it.
    const currentRate = stored ? parseSimulatedTimeState(stored).rate : REAL_TIME_RATE;
    const rateJson = JSON.stringify(change.rate ?? currentRate);
    const force = change.force ? 'force' : '';
    const [outcome, detail] = (await redis.eval(CHANGE_AT_REDIS_TIME, {
      keys: [key],
      arguments: [stored, clockChannelOf(key), targetFrom, String(targetMs), rateJson, force],
    })) as [string, string?];
    if (outcome === 'written') return parseSimulatedTimeState(detail!);
    if (outcome === 'backwards') throw goingBackwardsRefused(targetMs, Number(detail));
  }
  throw new SimulatedTimeError(
    `the simulated time kept changing under ${MAX_ATTEMPTS} attempts to change it; try again`,
  );
}
