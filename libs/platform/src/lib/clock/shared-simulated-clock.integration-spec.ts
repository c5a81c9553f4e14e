import { randomBytes } from 'node:crypto';
import { createClient, RedisClientType } from 'redis';
import { SharedSimulatedClock, SharedSimulatedClockOptions } from './shared-simulated-clock';
import {
  advanceSimulatedClock,
  readRedisTimeMs,
  readSimulatedClock,
  resetSimulatedClock,
  setSimulatedClock,
  setSimulatedRate,
} from './simulated-clock-store';
import { simulatedNowMs, TimeGoesBackwardsError } from './simulated-time';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A month in an hour: every real millisecond of error is 0.72 simulated seconds. */
const FAST = 720;
/** A machine whose clock runs ahead: 5 s at FAST is an hour of simulated time. */
const SKEW_MS = 5_000;
const skewedRealNow = () => Date.now() + SKEW_MS;

/** Polls until the condition holds (the testing library depends on this one, so it is not used here). */
async function eventually(condition: () => boolean, what: string, timeoutMs = 1_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Within a second of `expected`: what "at that time" means for clocks read a few milliseconds apart. */
function expectNear(actual: Date, expectedMs: number, toleranceMs = 1_000): void {
  expect(Math.abs(actual.getTime() - expectedMs)).toBeLessThan(toleranceMs);
}

describe('SharedSimulatedClock', () => {
  let redis: RedisClientType;
  let key: string;
  const clocks: SharedSimulatedClock[] = [];

  async function joinSimulation(options: SharedSimulatedClockOptions = {}): Promise<SharedSimulatedClock> {
    const clock = await SharedSimulatedClock.connect(REDIS_URL, { ...options, key });
    clocks.push(clock);
    return clock;
  }

  beforeAll(async () => {
    redis = createClient({ url: REDIS_URL });
    await redis.connect();
  });

  beforeEach(() => {
    // Each test its own simulation, so tests running in parallel do not move each other's time.
    key = `onestop:clock:test-${randomBytes(6).toString('hex')}`;
  });

  afterEach(async () => {
    await Promise.all(clocks.splice(0).map((clock) => clock.close()));
    await redis.del(key);
  });

  afterAll(async () => {
    await redis.close();
  });

  it('starts at real time and moves every connected service when advanced, telling their listeners', async () => {
    const [intake, taskMonitoring] = [await joinSimulation(), await joinSimulation()];
    expectNear(intake.now(), Date.now());
    const jumps = { intake: 0, taskMonitoring: 0 };
    intake.onJump(() => jumps.intake++);
    taskMonitoring.onJump(() => jumps.taskMonitoring++);

    const before = Date.now();
    const state = await advanceSimulatedClock(redis, 3 * DAY, { key });

    await eventually(() => jumps.intake === 1 && jumps.taskMonitoring === 1, 'both clocks to hear the advance');
    expectNear(intake.now(), before + 3 * DAY);
    expectNear(taskMonitoring.now(), before + 3 * DAY);
    expect(intake.simulatedTime).toEqual(state);
  });

  it('shows a service that joins later the time as already moved', async () => {
    await setSimulatedRate(redis, 0, { key });
    await setSimulatedClock(redis, new Date('2030-01-07T01:00:00Z'), { key });
    const late = await joinSimulation();
    expect(late.now().toISOString()).toBe('2030-01-07T01:00:00.000Z');
  });

  it('stands still at rate 0 and plays a month in an hour at rate 720', async () => {
    const clock = await joinSimulation();
    await setSimulatedRate(redis, 0, { key });
    await eventually(() => clock.simulatedTime?.rate === 0, 'the rate to reach the clock');
    const frozen = clock.now().getTime();
    await sleep(200);
    expect(clock.now().getTime()).toBe(frozen);

    await setSimulatedRate(redis, 720, { key });
    await eventually(() => clock.simulatedTime?.rate === 720, 'the rate to reach the clock');
    const fastFrom = clock.now().getTime();
    const realFrom = Date.now();
    await sleep(250);
    const simulatedElapsed = clock.now().getTime() - fastFrom;
    expect(simulatedElapsed / (Date.now() - realFrom)).toBeGreaterThan(500);
    expect(simulatedElapsed / (Date.now() - realFrom)).toBeLessThan(1_000);
  });

  it('never goes backwards unless forced: negative advances and earlier instants are refused', async () => {
    const clock = await joinSimulation();
    await setSimulatedRate(redis, 0, { key });
    const stored = await readSimulatedClock(redis, { key });

    await expect(advanceSimulatedClock(redis, -HOUR, { key })).rejects.toThrow(/time only moves forward/);
    await expect(setSimulatedClock(redis, new Date(Date.now() - DAY), { key })).rejects.toThrow(TimeGoesBackwardsError);
    expect(await readSimulatedClock(redis, { key })).toEqual(stored);

    await setSimulatedClock(redis, new Date('2020-02-03T04:05:06Z'), { key, force: true });
    await eventually(() => clock.now().toISOString() === '2020-02-03T04:05:06.000Z', 'the forced move back');
  });

  it('loses no change when commands race', async () => {
    await setSimulatedRate(redis, 0, { key });
    const start = (await readSimulatedClock(redis, { key }))!.anchorSimulatedMs;
    const racers: RedisClientType[] = Array.from({ length: 8 }, () => createClient({ url: REDIS_URL }));
    await Promise.all(racers.map((racer) => racer.connect()));
    try {
      await Promise.all(racers.map((racer) => advanceSimulatedClock(racer, HOUR, { key })));
    } finally {
      racers.forEach((racer) => racer.destroy());
    }
    expect((await readSimulatedClock(redis, { key }))!.anchorSimulatedMs).toBe(start + 8 * HOUR);
  });

  it('returns every service to real time on reset', async () => {
    const clock = await joinSimulation();
    await advanceSimulatedClock(redis, 2 * 7 * DAY, { key });
    await eventually(() => clock.now().getTime() > Date.now() + DAY, 'the advance');
    let jumped = false;
    clock.onJump(() => (jumped = true));

    await resetSimulatedClock(redis, { key });

    await eventually(() => jumped, 'the reset to reach the clock');
    expect(clock.simulatedTime).toBeNull();
    expectNear(clock.now(), Date.now(), 50);
    expect(await redis.exists(key)).toBe(0);
  });

  it("anchors each change at the present on Redis's clock, continuing the time as it flowed", async () => {
    await setSimulatedRate(redis, FAST, { key });
    const flowing = (await readSimulatedClock(redis, { key }))!;

    const advanced = await advanceSimulatedClock(redis, 3 * DAY, { key });
    const redisNowMs = await readRedisTimeMs(redis);
    expect(advanced.anchorRealMs).toBeLessThanOrEqual(redisNowMs);
    expect(advanced.anchorRealMs).toBeGreaterThan(redisNowMs - 1_000);
    expect(advanced).toEqual({
      anchorSimulatedMs: simulatedNowMs(flowing, advanced.anchorRealMs) + 3 * DAY,
      anchorRealMs: advanced.anchorRealMs,
      rate: FAST,
    });

    const frozen = await setSimulatedRate(redis, 0, { key });
    expect(frozen).toEqual({
      anchorSimulatedMs: simulatedNowMs(advanced, frozen.anchorRealMs),
      anchorRealMs: frozen.anchorRealMs,
      rate: 0,
    });
  });

  it('tells the same time on a machine whose clock is 5 s ahead, even at a month an hour', async () => {
    // The skewed machine starts the simulation, so its anchor is the one in force.
    const skewed = await joinSimulation({ realNow: skewedRealNow });
    const onTime = await joinSimulation();
    expectNear(skewed.now(), onTime.now().getTime(), 50);

    await setSimulatedRate(redis, FAST, { key });
    await eventually(
      () => skewed.simulatedTime?.rate === FAST && onTime.simulatedTime?.rate === FAST,
      'the rate to reach both clocks',
    );
    // A few real milliseconds of measuring error, against the hour that 5 s of skew would make.
    expectNear(skewed.now(), onTime.now().getTime(), 5_000);
  });

  it('moves the time from where it is when the command runs on a machine whose clock is 5 s ahead', async () => {
    const clock = await joinSimulation();
    const flowing = await setSimulatedRate(redis, FAST, { key });
    await eventually(() => clock.simulatedTime?.rate === FAST, 'the rate to reach the clock');

    const beforeMs = clock.now().getTime();
    const commandClock = jest.spyOn(Date, 'now').mockImplementation(skewedRealNow);
    const frozen = await setSimulatedRate(redis, 0, { key }).finally(() => commandClock.mockRestore());
    const afterMs = simulatedNowMs(flowing, await readRedisTimeMs(redis));

    // Anchored at the caller's time the freeze would land an hour of simulated time ahead.
    expect(frozen.anchorSimulatedMs).toBeGreaterThanOrEqual(beforeMs - 2_000);
    expect(frozen.anchorSimulatedMs).toBeLessThanOrEqual(afterMs);
    await eventually(
      () => clock.now().getTime() === frozen.anchorSimulatedMs,
      'the clock to freeze where the command froze it',
    );
  });

  it("never tells an earlier time between changes, even when its machine's clock steps back", async () => {
    let stepMs = 0;
    const clock = await joinSimulation({ realNow: () => Date.now() + stepMs });
    await setSimulatedRate(redis, FAST, { key });
    await eventually(() => clock.simulatedTime?.rate === FAST, 'the rate to reach the clock');

    const beforeStep = clock.now().getTime();
    stepMs = -1_000;
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(beforeStep);
  });

  it('reads the time again after its connection was lost, catching a change made meanwhile', async () => {
    const clock = await joinSimulation();
    await setSimulatedRate(redis, 0, { key });
    await eventually(() => clock.simulatedTime?.rate === 0, 'the rate to reach the clock');
    const before = clock.now().getTime();

    const clients = await redis.sendCommand<string>(['CLIENT', 'LIST']);
    const subscriber = clients
      .split('\n')
      .find((line) => line.includes(` name=simulated-clock:${key} `) && / flags=P /.test(line));
    const id = /^id=(\d+)/.exec(subscriber ?? '')?.[1];
    expect(id).toBeDefined();
    // The advance is published while the subscriber is away, so only the read on reconnect can bring it.
    await redis.sendCommand(['CLIENT', 'KILL', 'ID', id!]);
    await advanceSimulatedClock(redis, DAY, { key });

    await eventually(() => clock.now().getTime() === before + DAY, 'the clock to catch up after reconnecting', 5_000);
  });
});
