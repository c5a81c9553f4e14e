import { Controller, DynamicModule, Get, INestApplication, Module } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { createClient, RedisClientType } from 'redis';
import request from 'supertest';
import { Clock, ManualClock, SystemClock } from '../clock/clock';
import { SharedSimulatedClock } from '../clock/shared-simulated-clock';
import { advanceSimulatedClock, setSimulatedRate } from '../clock/simulated-clock-store';
import { loadConfig } from '../config/load-config';
import { PlatformEnv } from '../config/platform-env';
import { LoggingModule } from '../logging/logging.module';
import { createServiceApp, ServiceDefinition } from './bootstrap';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const DAY = 86_400_000;

@Controller('time')
class TimeController {
  constructor(private readonly clock: Clock) {}

  @Get()
  now() {
    return { now: this.clock.now().toISOString(), clock: this.clock.constructor.name };
  }
}

@Module({})
class TimeModule {
  static register(clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: TimeModule,
      imports: [LoggingModule.forRoot({ service: 'intake', level: 'silent' })],
      controllers: [TimeController],
      providers: [{ provide: Clock, useValue: clock }],
    };
  }
}

/** A service that only tells its time, built the way every service is. */
const timeService: ServiceDefinition<PlatformEnv> = {
  service: 'intake',
  description: 'tells the time',
  envClass: PlatformEnv,
  module: (_env, clock) => TimeModule.register(clock),
};

/** Polls until the condition holds (the testing library depends on this one, so it is not used here). */
async function eventually(condition: () => Promise<boolean>, what: string, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the clock a service runs on', () => {
  let redis: RedisClientType;
  let key: string;
  let app: INestApplication | undefined;

  function settings(values: Record<string, string>): PlatformEnv {
    return loadConfig(PlatformEnv, {
      PORT: '1',
      DATABASE_URL: 'postgres://unused/unused',
      REDIS_URL,
      CLOCK_KEY: key,
      ...values,
    });
  }

  async function timeOf(service: INestApplication): Promise<{ now: string; clock: string }> {
    return (await request(service.getHttpServer()).get('/time').expect(200)).body;
  }

  const followers = async () =>
    (await redis.sendCommand<string>(['CLIENT', 'LIST']))
      .split('\n')
      .filter((line) => line.includes(` name=simulated-clock:${key} `));

  beforeAll(async () => {
    redis = createClient({ url: REDIS_URL });
    await redis.connect();
  });

  beforeEach(() => {
    key = `onestop:clock:test-${randomBytes(6).toString('hex')}`;
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
    await redis.del(key);
  });

  afterAll(async () => {
    await redis.close();
  });

  it('is the system clock by default', async () => {
    app = await createServiceApp(timeService, settings({}));
    await app.init();
    expect((await timeOf(app)).clock).toBe('SystemClock');
    expect(await followers()).toEqual([]);
  });

  it('with CLOCK=simulated is the shared simulated clock, moved by the command, and closed with the app', async () => {
    app = await createServiceApp(timeService, settings({ CLOCK: 'simulated' }));
    await app.init();
    expect((await timeOf(app)).clock).toBe('SharedSimulatedClock');
    await setSimulatedRate(redis, 0, { key });
    const { anchorSimulatedMs } = await advanceSimulatedClock(redis, 30 * DAY, { key });

    const service = app;
    await eventually(
      async () => (await timeOf(service)).now === new Date(anchorSimulatedMs).toISOString(),
      'the service to tell the advanced time',
    );
    expect(await followers()).toHaveLength(2);

    await app.close();
    app = undefined;
    await eventually(async () => (await followers()).length === 0, 'the clock connections to close');
  });

  it('is the clock the caller passes, left open for the caller when the app closes', async () => {
    const shared = await SharedSimulatedClock.connect(REDIS_URL, { key });
    try {
      app = await createServiceApp(timeService, settings({ CLOCK: 'simulated' }), shared);
      await app.init();
      await app.close();
      app = undefined;
      const { anchorSimulatedMs } = await advanceSimulatedClock(redis, DAY, { key });
      await eventually(
        async () => shared.simulatedTime?.anchorSimulatedMs === anchorSimulatedMs,
        'the passed clock to keep following',
      );
    } finally {
      await shared.close();
    }

    app = await createServiceApp(
      timeService,
      settings({ CLOCK: 'simulated' }),
      new ManualClock(new Date('2026-12-01T01:00:00Z')),
    );
    await app.init();
    expect(await timeOf(app)).toEqual({ now: '2026-12-01T01:00:00.000Z', clock: 'ManualClock' });
    expect(await followers()).toEqual([]);
  });
});
