import { Controller, Get, INestApplication, Param, Query } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { AddressInfo, createServer, Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, RedisClientType } from 'redis';
import request from 'supertest';
import { CurrentPrincipal, Public } from '../auth/auth.decorators';
import { AuthModule } from '../auth/auth.module';
import { loadOrCreateDevelopmentKey } from '../auth/development-key';
import { signDevelopmentToken } from '../auth/development-token';
import { Principal } from '../auth/principal';
import { loadConfig } from '../config/load-config';
import { PlatformEnv } from '../config/platform-env';
import { ProblemDetailsFilter } from '../errors/problem-details.filter';
import { ProblemException } from '../errors/problem.exception';
import { MetricsModule } from '../metrics/metrics.module';
import { RedisModule } from '../redis/redis.module';
import { ThrottlingModule } from './throttling.module';
import { WrongTryLimit } from './wrong-try-limit';

const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
// The platform's own tests cannot use the testing library (it depends on the platform).
const KEY_FILE = join(mkdtempSync(join(tmpdir(), 'onestop-throttling-')), 'key.json');
const ISSUER = 'onestop-test';
const AUDIENCE = 'onestop';

/** Two secrets behind public look-ups: the digits of a code, as the dossier status has them. */
const SECRETS: Record<string, string> = { 'A-0001': '1234', 'A-0002': '5678' };

@Controller('probe')
class ProbeController {
  @Get('whoami')
  whoami(@CurrentPrincipal() principal: Principal) {
    return { subject: principal.subject };
  }

  @Public()
  @Get('open')
  open() {
    return { ok: true };
  }

  @Public()
  @Get('codes/:code')
  @WrongTryLimit({ lookup: 'probe', code: (request) => String(request.params['code']) })
  lookUp(@Param('code') code: string, @Query('digits') digits: string) {
    if (digits === 'crash') throw new ProblemException(400, 'Bad digits');
    if (SECRETS[code] !== digits) throw new ProblemException(404, 'No such code');
    return { code };
  }
}

async function tokenFor(subject: string): Promise<string> {
  const key = await loadOrCreateDevelopmentKey(KEY_FILE);
  return signDevelopmentToken(key, {
    subject,
    roles: ['citizen'],
    provinceCode: '46',
    issuer: ISSUER,
    audience: AUDIENCE,
  });
}

/** A loopback TCP proxy to Redis the test can cut (libs/testing has one; the platform may not use it). */
class CuttableProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  async start(): Promise<void> {
    const target = new URL(REDIS_URL);
    this.server = createServer((client) => {
      const upstream = new Socket();
      this.sockets.add(client).add(upstream);
      const close = () => [client, upstream].forEach((socket) => (socket.destroy(), this.sockets.delete(socket)));
      client.on('error', close).on('close', close);
      upstream.on('error', close).on('close', close);
      upstream.connect(Number(target.port || 6379), target.hostname, () => client.pipe(upstream).pipe(client));
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async cut(): Promise<void> {
    this.sockets.forEach((socket) => socket.destroy());
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }
}

/** What every service gets from PlatformModule for its limits, around a probe controller. */
async function startProbe(settings: Record<string, string>): Promise<{ app: INestApplication; url: string }> {
  const env = loadConfig(PlatformEnv, {
    PORT: '1',
    DATABASE_URL: 'postgres://unused/unused',
    AUTH_DEV_KEY_FILE: KEY_FILE,
    AUTH_ISSUER: ISSUER,
    AUTH_AUDIENCE: AUDIENCE,
    REDIS_URL,
    ...settings,
  });
  const moduleRef = await Test.createTestingModule({
    imports: [
      MetricsModule.forRoot('intake'),
      RedisModule.forRoot(env.REDIS_URL),
      AuthModule.forRoot(env),
      ThrottlingModule.forRoot('intake', env),
    ],
    controllers: [ProbeController],
    providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  await app.listen(0, '127.0.0.1');
  return { app, url: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}` };
}

const metric = async (url: string, line: RegExp) => {
  const text = (await request(url).get('/metrics').expect(200)).text;
  const found = text.split('\n').find((candidate) => line.test(candidate));
  return found ? Number(found.split(' ').at(-1)) : 0;
};

describe('request limits', () => {
  const apps: INestApplication[] = [];
  let prefix: string;
  let redis: RedisClientType;

  const start = async (settings: Record<string, string>) => {
    const started = await startProbe({ RATE_LIMIT_KEY_PREFIX: prefix, ...settings });
    apps.push(started.app);
    return started.url;
  };

  beforeAll(async () => {
    redis = createClient({ url: REDIS_URL });
    await redis.connect();
  });

  beforeEach(() => {
    prefix = `onestop:ratelimit:test-${randomBytes(6).toString('hex')}`;
  });

  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
    // The API counters' keys are wrapped in a hash tag by the storage: `{prefix:...}:hits`.
    const keys = [...(await redis.keys(`${prefix}:*`)), ...(await redis.keys(`{${prefix}:*`))];
    if (keys.length) await redis.del(keys);
  });

  afterAll(async () => {
    await redis.close();
  });

  describe('of the API', () => {
    it('count one account across two instances sharing Redis, and answer 429 as problem+json with Retry-After', async () => {
      const limits = { API_RATE_LIMIT_PER_MINUTE: '6', API_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '1000' };
      const [first, second] = [await start(limits), await start(limits)];
      const token = await tokenFor(`busy-${randomBytes(3).toString('hex')}`);
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++)
        statuses.push(
          (
            await request(i % 2 ? second : first)
              .get('/probe/whoami')
              .auth(token, { type: 'bearer' })
          ).status,
        );
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);

      for (const url of [first, second]) {
        const refused = await request(url).get('/probe/whoami').auth(token, { type: 'bearer' }).expect(429);
        expect(refused.headers['content-type']).toContain('application/problem+json');
        expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
        expect(refused.body).toMatchObject({
          type: 'https://onestop.gov.vn/problems/too-many-requests',
          status: 429,
          limit: 'principal',
          instance: '/probe/whoami',
        });
      }
      // Another account from the same address goes on; the metrics never stop answering.
      await request(second)
        .get('/probe/whoami')
        .auth(await tokenFor('calm'), { type: 'bearer' })
        .expect(200);
      for (let i = 0; i < 10; i++) await request(first).get('/metrics').expect(200);
      expect(await metric(first, /^onestop_rate_limited_total\{.*limit="principal"/)).toBe(1);
    });

    it('count one address, with a token or without, taken from X-Forwarded-For only from a trusted proxy', async () => {
      const limits = {
        API_RATE_LIMIT_PER_MINUTE: '1000',
        API_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '4',
        TRUST_PROXY: 'loopback',
      };
      const url = await start(limits);
      const behindIngress = (address: string) => request(url).get('/probe/open').set('X-Forwarded-For', address);
      await behindIngress('203.0.113.7').expect(200);
      await behindIngress('203.0.113.7').expect(200);
      await request(url)
        .get('/probe/whoami')
        .set('X-Forwarded-For', '203.0.113.7')
        .auth(await tokenFor('one'), { type: 'bearer' })
        .expect(200);
      await request(url)
        .get('/probe/whoami')
        .set('X-Forwarded-For', '203.0.113.7')
        .auth(await tokenFor('two'), { type: 'bearer' })
        .expect(200);
      const refused = await behindIngress('203.0.113.7').expect(429);
      expect(refused.body).toMatchObject({ limit: 'address', status: 429 });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      // The client's own entries before the proxy's are not believed: the proxy appended the real one.
      await behindIngress('198.51.100.1, 203.0.113.7').expect(429);
      await behindIngress('203.0.113.7, 198.51.100.1').expect(200);
      // An IPv6 client counts by its /64.
      for (let i = 1; i <= 4; i++) await behindIngress(`2001:db8:5:6::${i}`).expect(200);
      await behindIngress('2001:db8:5:6:ffff::1').expect(429);
    });

    it('ignore X-Forwarded-For by default: whatever a client writes there, it is counted by its own address', async () => {
      const url = await start({ API_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '3' });
      for (let i = 1; i <= 3; i++)
        await request(url).get('/probe/open').set('X-Forwarded-For', `198.51.100.${i}`).expect(200);
      await request(url).get('/probe/open').set('X-Forwarded-For', '198.51.100.99').expect(429);
    });

    it('let requests through, counted as unchecked, while Redis is away, and limit again once it is back', async () => {
      const proxy = new CuttableProxy();
      await proxy.start();
      const url = await start({
        REDIS_URL: `redis://127.0.0.1:${proxy.port}`,
        API_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '3',
      });
      await request(url).get('/probe/open').expect(200);
      await proxy.cut();
      const started = Date.now();
      for (let i = 0; i < 10; i++) await request(url).get('/probe/open').expect(200);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(await metric(url, /^onestop_rate_limit_unchecked_total/)).toBeGreaterThanOrEqual(10);

      await proxy.start();
      const deadline = Date.now() + 10_000;
      let status = 200;
      while (status !== 429 && Date.now() < deadline) {
        status = (await request(url).get('/probe/open')).status;
        if (status === 200) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(status).toBe(429);
      await proxy.cut();
    }, 20_000);

    it('let requests through when Redis is not there at all', async () => {
      const url = await start({ REDIS_URL: 'redis://127.0.0.1:1', API_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '1' });
      for (let i = 0; i < 3; i++) await request(url).get('/probe/open').expect(200);
    });
  });

  describe('of a look-up that takes a guess', () => {
    const lookUpSettings = {
      LOOKUP_MAX_WRONG_TRIES: '3',
      LOOKUP_MAX_WRONG_TRIES_PER_ADDRESS: '50',
      LOOKUP_WRONG_TRY_WINDOW: '1m',
      LOOKUP_LOCK: '2s',
      TRUST_PROXY: 'loopback',
    };

    it('locks the code after the wrong tries, for everyone and the right digits too, until the lock expires', async () => {
      const [first, second] = [await start(lookUpSettings), await start(lookUpSettings)];
      const from = (url: string, address: string, digits: string) =>
        request(url).get(`/probe/codes/A-0001?digits=${digits}`).set('X-Forwarded-For', address);
      // The right digits do not count; validation errors neither.
      await from(first, '203.0.113.1', '1234').expect(200);
      await from(first, '203.0.113.1', 'crash').expect(400);
      // Three wrong tries from three addresses through two replicas.
      await from(first, '203.0.113.1', '0000').expect(404);
      await from(second, '203.0.113.2', '0001').expect(404);
      await from(first, '203.0.113.3', '0002').expect(404);

      for (const [url, address, digits] of [
        [first, '203.0.113.9', '1234'],
        [second, '203.0.113.1', '1234'],
        [second, '203.0.113.4', '0003'],
      ]) {
        const locked = await from(url, address, digits).expect(429);
        expect(locked.headers['content-type']).toContain('application/problem+json');
        expect(locked.body).toMatchObject({
          type: 'https://onestop.gov.vn/problems/too-many-requests/look-up-locked',
          status: 429,
          scope: 'code',
        });
        expect(Number(locked.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(2);
      }
      // Another code is not locked; the lock was counted once.
      await request(first).get('/probe/codes/A-0002?digits=5678').expect(200);
      expect(
        (await metric(first, /^onestop_lookup_locks_total\{.*scope="code"/)) +
          (await metric(second, /^onestop_lookup_locks_total\{.*scope="code"/)),
      ).toBe(1);

      await new Promise((resolve) => setTimeout(resolve, 2_100));
      await from(second, '203.0.113.9', '1234').expect(200);
    });

    it('lets no more than the allowed wrong tries through a burst of parallel guesses', async () => {
      // A lock longer than the burst, however slow the machine.
      const url = await start({ ...lookUpSettings, LOOKUP_LOCK: '1h' });
      const guesses = Array.from({ length: 60 }, (_, i) => String(i).padStart(4, '0'));
      const statuses = await Promise.all(
        guesses.map((digits, i) =>
          request(url)
            .get(`/probe/codes/A-0001?digits=${digits}`)
            .set('X-Forwarded-For', `198.51.100.${i}`)
            .then((r) => r.status),
        ),
      );
      expect(statuses.filter((status) => status === 404)).toHaveLength(3);
      expect(statuses.filter((status) => status === 429)).toHaveLength(57);
      await request(url).get('/probe/codes/A-0001?digits=1234').expect(429);
    });

    it('locks an address out after its wrong tries at any codes, other addresses unaffected', async () => {
      const url = await start({ ...lookUpSettings, LOOKUP_MAX_WRONG_TRIES_PER_ADDRESS: '4' });
      const from = (address: string, code: string, digits: string) =>
        request(url).get(`/probe/codes/${code}?digits=${digits}`).set('X-Forwarded-For', address);
      for (let i = 0; i < 4; i++) await from('203.0.113.50', `B-${i}`, '0000').expect(404);
      const locked = await from('203.0.113.50', 'A-0002', '5678').expect(429);
      expect(locked.body).toMatchObject({ scope: 'address' });
      await from('203.0.113.51', 'A-0002', '5678').expect(200);
      expect(await metric(url, /^onestop_lookup_locks_total\{.*scope="address"/)).toBe(1);
      expect(await metric(url, /^onestop_lookup_wrong_tries_total\{.*lookup="probe"/)).toBe(4);
    });

    it('does not answer while Redis is away (503, Retry-After), where the API limit lets requests through', async () => {
      const url = await start({ ...lookUpSettings, REDIS_URL: 'redis://127.0.0.1:1' });
      const refused = await request(url).get('/probe/codes/A-0001?digits=1234').expect(503);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(refused.headers['retry-after']).toBe('30');
      await request(url).get('/probe/open').expect(200);
    });
  });
});
