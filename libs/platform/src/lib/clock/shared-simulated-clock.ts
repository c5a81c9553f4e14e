import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { connectRedis } from '../redis/redis.module';
import { MovableClock } from './clock';
import { clockChannelOf, ClockKeyOption, DEFAULT_CLOCK_KEY, initialiseSimulatedClock, readSimulatedClock } from './simulated-clock-store';
import { parseSimulatedTimeState, simulatedNowMs, SimulatedTimeState } from './simulated-time';
import { describeSimulatedTime } from './time-description';

const FOLLOW_RETRY_MS = 1_000;

/**
 * The clock of a simulation: one simulated time, kept in Redis, that all services read and a
 * command moves (`npm run clock`). `now()` is asked for on every request and event, so it never
 * goes to Redis: the state is held here and replaced as each change is published, which reaches
 * every service within milliseconds. While the simulation is reset the clock follows real time.
 */
export class SharedSimulatedClock extends MovableClock {
  private readonly logger = new Logger(SharedSimulatedClock.name);
  private state: SimulatedTimeState | null = null;
  /** Changes heard so far: a read that a change overtook is older than that change and is dropped. */
  private changesHeard = 0;
  private closed = false;
  private retry?: NodeJS.Timeout;

  private constructor(
    /** The Redis key of the shared state (`onestop:clock` unless set). */
    readonly key: string,
    private readonly reader: Redis,
    private readonly subscriber: Redis,
  ) {
    super();
    const channel = clockChannelOf(key);
    subscriber.on('message', (from: string, message: string) => {
      if (from === channel) this.hear(message);
    });
  }

  /** Joins the simulation under `key`, starting it at real time if none runs yet. */
  static async connect(redisUrl: string, options: ClockKeyOption = {}): Promise<SharedSimulatedClock> {
    const key = options.key ?? DEFAULT_CLOCK_KEY;
    // Named, so Redis's CLIENT LIST shows which connections follow which simulation.
    const connect = () => connectRedis(redisUrl, SharedSimulatedClock.name, `simulated-clock:${key.replace(/\s/g, '_')}`);
    const clock = new SharedSimulatedClock(key, connect(), connect());
    try {
      await initialiseSimulatedClock(clock.reader, { key });
      await clock.follow();
    } catch (error) {
      await clock.close();
      throw new Error(`the simulated clock could not read ${key} from Redis: ${(error as Error).message}`);
    }
    // Changes published while the connection was down were not heard: read the state again.
    clock.subscriber.on('ready', () => clock.followAgain());
    return clock;
  }

  now(): Date {
    return new Date(this.state ? simulatedNowMs(this.state, Date.now()) : Date.now());
  }

  /** The shared state as last heard; null while no simulation runs and time is real. */
  get simulatedTime(): SimulatedTimeState | null {
    return this.state;
  }

  /** What the service logs at start, e.g. `simulated time under Redis key onestop:clock: 2026-… (…), rate 720 (…)`. */
  describe(): string {
    const time = this.state ? describeSimulatedTime(this.state) : 'real time until a simulation starts';
    return `simulated time under Redis key ${this.key}: ${time}`;
  }

  /** Stops following; `now()` goes on from the last state heard. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    await Promise.all([this.reader, this.subscriber].map((redis) => redis.quit().catch(() => redis.disconnect())));
  }

  /** Subscribes first and reads after, so no change falls between the read and the subscription. */
  private async follow(): Promise<void> {
    await this.subscriber.subscribe(clockChannelOf(this.key));
    const heardBefore = this.changesHeard;
    const state = await readSimulatedClock(this.reader, { key: this.key });
    if (this.changesHeard === heardBefore) this.apply(state);
  }

  private followAgain(): void {
    this.follow().catch((error: Error) => {
      if (this.closed) return;
      this.logger.warn(`simulated time not read again after a reconnect (${error.message}); retrying`);
      this.retry = setTimeout(() => this.followAgain(), FOLLOW_RETRY_MS);
    });
  }

  private hear(message: string): void {
    this.changesHeard++;
    try {
      this.apply(message === '' ? null : parseSimulatedTimeState(message));
    } catch (error) {
      this.logger.warn(`ignored a simulated time change: ${(error as Error).message}`);
    }
  }

  private apply(state: SimulatedTimeState | null): void {
    if (JSON.stringify(state) === JSON.stringify(this.state)) return;
    this.state = state;
    this.announceJump();
  }
}
