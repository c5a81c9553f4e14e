import {
  advanceSimulatedClock,
  closeRedis,
  DEFAULT_CLOCK_KEY,
  describeInstant,
  describeSimulatedTime,
  parseDuration,
  readRedisTimeMs,
  readSimulatedClock,
  resetSimulatedClock,
  setSimulatedClock,
  setSimulatedRate,
  SimulatedTimeState,
  TimeGoesBackwardsError,
} from '@onestop/platform';
import type { RedisClientType } from 'redis';
import { failAndExit, UsageError } from './stack/cli';
import { connectRedisOnce } from './stack/servers';

const USAGE =
  'usage: npm run clock -- show | advance <duration, e.g. 90m 8h 3d 2w 1d12h> | set <ISO instant, e.g. 2026-12-01T08:00:00+07:00> [--force] | rate <n> | reset';

/** An instant with its offset, so it means the same on every machine (`2026-12-01T08:00` alone would not). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

type ClockCommand =
  | { name: 'show' | 'reset' }
  | { name: 'advance'; ms: number; duration: string }
  | { name: 'set'; instant: Date; force: boolean }
  | { name: 'rate'; rate: number };

function parseCommand(args: string[]): ClockCommand {
  const force = args.includes('--force');
  const [name, operand, ...rest] = args.filter((arg) => arg !== '--force');
  const unknownOption = args.find((arg) => arg.startsWith('--') && arg !== '--force');
  if (unknownOption) throw new UsageError(`unknown option ${unknownOption}\n${USAGE}`);
  if (force && name !== 'set') throw new UsageError(`--force only goes with set\n${USAGE}`);
  const operandNeeded = name === 'advance' || name === 'set' || name === 'rate';
  if (rest.length > 0 || (operandNeeded ? operand === undefined : operand !== undefined)) throw new UsageError(USAGE);
  switch (name) {
    case 'show':
    case 'reset':
      return { name };
    case 'advance':
      if (operand.startsWith('-'))
        throw new UsageError(
          `time only moves forward: advance by a positive duration, or go back with set <instant> --force`,
        );
      return { name, ms: parseUsage(() => parseDuration(operand)), duration: operand };
    case 'set': {
      const instant = new Date(operand);
      if (!ISO_INSTANT.test(operand) || Number.isNaN(instant.getTime())) {
        throw new UsageError(
          `${JSON.stringify(operand)} is not an ISO instant with its offset, e.g. 2026-12-01T08:00:00+07:00 or 2026-12-01T01:00:00Z`,
        );
      }
      return { name, instant, force };
    }
    case 'rate': {
      const rate = Number(operand);
      if (operand.trim() === '' || !Number.isFinite(rate) || rate < 0) {
        throw new UsageError(
          `the rate is simulated time per real time, a number of at least 0 (0 freezes, 1 is real speed, 720 plays a month in an hour); got ${JSON.stringify(operand)}`,
        );
      }
      return { name, rate };
    }
    default:
      throw new UsageError(USAGE);
  }
}

function parseUsage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function run(redis: RedisClientType, command: ClockCommand, key: string): Promise<string> {
  const options = { key };
  // Shown as of the change's own anchor, or of Redis's clock: this machine's may be off.
  const report = (done: string, state: SimulatedTimeState) =>
    `${done}; simulated time ${describeSimulatedTime(state, state.anchorRealMs)}`;
  switch (command.name) {
    case 'show': {
      const state = await readSimulatedClock(redis, options);
      if (!state)
        return `no simulation under ${key}; services on CLOCK=simulated follow real time, now ${describeInstant(new Date())}`;
      return `simulated time ${describeSimulatedTime(state, await readRedisTimeMs(redis))}`;
    }
    case 'advance':
      return report(`advanced by ${command.duration}`, await advanceSimulatedClock(redis, command.ms, options));
    case 'set':
      try {
        return report('set', await setSimulatedClock(redis, command.instant, { ...options, force: command.force }));
      } catch (error) {
        if (error instanceof TimeGoesBackwardsError) throw new Error(`${error.message}: add --force to go back anyway`);
        throw error;
      }
    case 'rate':
      return report('rate changed', await setSimulatedRate(redis, command.rate, options));
    case 'reset':
      await resetSimulatedClock(redis, options);
      return `reset: services on CLOCK=simulated follow real time again, now ${describeInstant(new Date())}`;
  }
}

/**
 * Moves the simulated time that the services started with CLOCK=simulated share (`npm run up --
 * --simulated`): every service sees the change within milliseconds and its deadline events fire
 * on the simulated time.
 */
async function main(): Promise<void> {
  const command = parseCommand(process.argv.slice(2));
  const redis = await connectRedisOnce(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
  try {
    console.log(`clock: ${await run(redis, command, process.env['CLOCK_KEY'] ?? DEFAULT_CLOCK_KEY)}`);
  } finally {
    await closeRedis(redis);
  }
}

main().catch(failAndExit('clock'));
