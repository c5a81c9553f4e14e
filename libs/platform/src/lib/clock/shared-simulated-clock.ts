import { Logger } from '@nestjs/common';
import type { RedisClientType } from 'redis';
import { closeRedis, connectRedis, startConnection } from '../redis/redis.module';
import { MovableClock } from './clock';
import { measureRedisClockOffset } from './redis-clock-offset';
import {
  clockChannelOf,
  ClockKeyOption,
  DEFAULT_CLOCK_KEY,
  initialiseSimulatedClock,
  readSimulatedClock,
} from './simulated-clock-store';
import { parseSimulatedTimeState, simulatedNowMs, SimulatedTimeState } from './simulated-time';
import { describeSimulatedTime } from './time-description';

const FOLLOW_RETRY_MS = 1_000;
/** Host clocks drift apart by milliseconds a minute; the rate multiplies that. */
const REFRESH_MS = 30_000;

export interface SharedSimulatedClockOptions extends ClockKeyOption {
  /** This machine's real time; `Date.now` unless a test makes it run wrong. */
  realNow?: () => number;
}

/**
 * The clock of a simulation: one simulated time, kept in Redis, that all services read and a
 * command moves (`npm run clock`). `now()` is asked for on every request and event, so it never
 * goes to Redis: the state is held here and replaced as each change is published, which reaches
 * every service within milliseconds. While the simulation is reset the clock follows real time.
 *
 * Real time is Redis's clock, as in the anchors the store writes: each machine's own clock is off
 * by milliseconds to minutes, which the rate would multiply (100 ms at rate 720 is 72 simulated
 * seconds). So the clock measures how far Redis's clock is from this machine's when it
 * subscribes, on every change and every 30 s, and reads real time as its own plus that offset.
 */
export class SharedSimulatedClock extends MovableClock {
  private readonly logger = new Logger(SharedSimulatedClock.name);
  private state: SimulatedTimeState | null = null;
  /** Redis's clock minus this machine's, in milliseconds. */
  private offsetMs = 0;
  /** The latest time `now()` told since the state last changed. */
  private latestToldMs = -Infinity;
  /** Changes heard so far: a read that a change overtook is older than that change and is dropped. */
  private changesHeard = 0;
  private closed = false;
  private refreshFailing = false;
  private retry?: NodeJS.Timeout;
  private refreshing?: NodeJS.Timeout;

  private constructor(
    /** The Redis key of the shared state (`onestop:clock` unless set). */
    readonly key: string,
    private readonly reader: RedisClientType,
    /** Its own connection: a subscribed connection runs no other commands. */
    private readonly subscriber: RedisClientType,
    private readonly localRealNow: () => number,
  ) {
    super();
  }

  /** Joins the simulation under `key`, starting it at real time if none runs yet. */
  static async connect(redisUrl: string, options: SharedSimulatedClockOptions = {}): Promise<SharedSimulatedClock> {
    const key = options.key ?? DEFAULT_CLOCK_KEY;
    // Named, so Redis's CLIENT LIST shows which connections follow which simulation.
    const reader = await connectRedis(
      redisUrl,
      SharedSimulatedClock.name,
      `simulated-clock:${key.replace(/\s/g, '_')}`,
    );
    const subscriber = await startConnection(reader.duplicate(), SharedSimulatedClock.name);
    const clock = new SharedSimulatedClock(key, reader, subscriber, options.realNow ?? Date.now);
    try {
      await initialiseSimulatedClock(clock.reader, { key });
      await clock.follow();
    } catch (error) {
      await clock.close();
      throw new Error(`the simulated clock could not read ${key} from Redis: ${(error as Error).message}`);
    }
    // node-redis subscribes again before a reconnected connection is ready, but changes published
    // while it was down were not heard: read the state again.
    clock.subscriber.on('ready', () => clock.readAgain());
    // Also re-reads the state, in case the subscription went silent without the connection closing.
    clock.refreshing = setInterval(() => clock.refreshPeriodically(), REFRESH_MS).unref();
    return clock;
  }

  now(): Date {
    const realNowMs = this.realNowMs();
    const nowMs = this.state ? simulatedNowMs(this.state, realNowMs) : Math.floor(realNowMs);
    // A new offset differs from the last by a millisecond or so, which the rate multiplies; only a
    // change of the state may take time back.
    this.latestToldMs = Math.max(this.latestToldMs, nowMs);
    return new Date(this.latestToldMs);
  }

  /** The shared state as last heard; null while no simulation runs and time is real. */
  get simulatedTime(): SimulatedTimeState | null {
    return this.state;
  }

  /** What the service logs at start, e.g. `simulated time under Redis key onestop:clock: 2026-… (…), rate 720 (…)`. */
  describe(): string {
    const time = this.state
      ? describeSimulatedTime(this.state, this.realNowMs())
      : 'real time until a simulation starts';
    return `simulated time under Redis key ${this.key}: ${time}`;
  }

  /** Stops following; `now()` goes on from the last state heard. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    clearInterval(this.refreshing);
    await Promise.all([this.reader, this.subscriber].map(closeRedis));
  }

  /** Real time on Redis's clock, as the anchors are. */
  private realNowMs(): number {
    return this.localRealNow() + this.offsetMs;
  }

  /** Subscribes first and reads after, so no change falls between the read and the subscription. */
  private async follow(): Promise<void> {
    await this.subscriber.subscribe(clockChannelOf(this.key), (message) => this.hear(message));
    await this.refresh();
  }

  private async refresh(): Promise<void> {
    await this.measureOffset();
    const heardBefore = this.changesHeard;
    const state = await readSimulatedClock(this.reader, { key: this.key });
    if (this.changesHeard === heardBefore) this.apply(state);
  }

  private async measureOffset(): Promise<void> {
    this.offsetMs = await measureRedisClockOffset(this.reader, this.localRealNow);
  }

  private readAgain(): void {
    this.refresh().catch((error: Error) => {
      if (this.closed) return;
      this.logger.warn(`simulated time not read again after a reconnect (${error.message}); retrying`);
      this.retry = setTimeout(() => this.readAgain(), FOLLOW_RETRY_MS);
    });
  }

  /** Warns once per outage: the reconnect reads the state again, and Redis's own warning says it is away. */
  private refreshPeriodically(): void {
    this.refresh().then(
      () => (this.refreshFailing = false),
      (error: Error) => {
        if (!this.closed && !this.refreshFailing)
          this.logger.warn(`simulated time not read again (${error.message}); keeping the last state heard`);
        this.refreshFailing = true;
      },
    );
  }

  private hear(message: string): void {
    this.changesHeard++;
    try {
      this.apply(message === '' ? null : parseSimulatedTimeState(message));
    } catch (error) {
      this.logger.warn(`ignored a simulated time change: ${(error as Error).message}`);
    }
    // A change is when the time matters most, and a cheap moment to check the offset.
    this.measureOffset().catch((error: Error) => {
      if (!this.closed)
        this.logger.warn(`offset to Redis time not measured again (${error.message}); keeping the last one`);
    });
  }

  private apply(state: SimulatedTimeState | null): void {
    if (JSON.stringify(state) === JSON.stringify(this.state)) return;
    this.state = state;
    this.latestToldMs = -Infinity;
    this.announceJump();
  }
}
