import {
  RunningService,
  ServiceUnderTest,
  startServiceWithDatabase,
  startTestService,
  testRedisUrl,
  tokenFor,
} from '@onestop/testing';
import { randomBytes } from 'node:crypto';
import { createClient, RedisClientType } from 'redis';
import request from 'supertest';
import { intakeSchema } from '../database/schema';
import { IntakeEnv } from '../intake.env';
import { intakeService } from '../service';

const PHU_XUAN = '19753';
const PHONE = '0905123456';
const RIGHT = '3456';

/**
 * The public status look-up and the API limits against two intake replicas sharing PostgreSQL
 * and Redis, behind a proxy on loopback (TRUST_PROXY) so each request says its client address in
 * X-Forwarded-For, as the Ingress does.
 */
describe('intake request limits', () => {
  let first: ServiceUnderTest<IntakeEnv>;
  let second: RunningService<IntakeEnv>;
  let desk: string;
  let redis: RedisClientType;
  let addresses = 0;
  /** A client address no other request of this file uses. */
  const freshAddress = () => {
    addresses += 1;
    return `198.18.${Math.floor(addresses / 250)}.${(addresses % 250) + 1}`;
  };

  const settings = {
    TRUST_PROXY: 'loopback',
    RATE_LIMIT_KEY_PREFIX: `onestop:ratelimit:test-${randomBytes(6).toString('hex')}`,
    API_RATE_LIMIT_PER_MINUTE: '8',
    API_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '10',
    LOOKUP_MAX_WRONG_TRIES: '3',
    LOOKUP_WRONG_TRY_WINDOW: '1m',
    LOOKUP_LOCK: '1h',
  };

  const lookUp = (url: string, code: string, digits: string, address = freshAddress()) =>
    request(url).get(`/api/v1/dossiers/${code}/status?phone=${digits}`).set('X-Forwarded-For', address);

  const fileDossier = async (): Promise<string> => {
    const response = await request(first.url)
      .post('/api/v1/dossiers')
      .set('X-Forwarded-For', freshAddress())
      .auth(desk, { type: 'bearer' })
      .send({
        procedureCode: 'HKD-DANGKY',
        receivingUnitCode: PHU_XUAN,
        channel: 'counter',
        applicant: {
          name: 'Lê Văn Cường',
          citizenId: '046095007788',
          phone: PHONE,
          email: 'cuong@example.vn',
          address: { line: '9 Kim Long', communeCode: PHU_XUAN },
        },
        documents: [
          {
            type: 'registration-application',
            fileName: 'a.pdf',
            sha256: randomBytes(32).toString('hex'),
            size: 90_000,
          },
        ],
      })
      .expect(201);
    return response.body.code;
  };

  const metric = async (url: string, line: RegExp) => {
    const text = (await request(url).get('/metrics').expect(200)).text;
    const found = text.split('\n').find((candidate) => line.test(candidate));
    return found ? Number(found.split(' ').at(-1)) : 0;
  };

  beforeAll(async () => {
    first = await startServiceWithDatabase(intakeService, intakeSchema, settings);
    // A second replica: same database, consumer group, Redis and key prefix.
    second = await startTestService(intakeService, {
      ...settings,
      DATABASE_URL: first.database.url,
      KAFKA_GROUP_ID: first.env.KAFKA_GROUP_ID!,
    });
    // Each filing counts against the desk's account: a desk per filing keeps it under 8 a minute.
    desk = await tokenFor('desk-officer', PHU_XUAN, '46', `desk-${randomBytes(3).toString('hex')}`);
    redis = createClient({ url: testRedisUrl() });
    await redis.connect();
  }, 90_000);

  afterAll(async () => {
    await second?.close();
    await first?.close();
    await redis?.close();
  }, 30_000);

  it("locks a dossier's look-up on both replicas after 3 wrong tries: the right digits then get 429 too, until the lock is lifted", async () => {
    const code = await fileDossier();
    await lookUp(first.url, code, RIGHT).expect(200);
    await lookUp(first.url, code, '0000').expect(404);
    await lookUp(second.url, code, '0001').expect(404);
    await lookUp(first.url, code, '0002').expect(404);

    for (const url of [first.url, second.url]) {
      const locked = await lookUp(url, code, RIGHT).expect(429);
      expect(locked.headers['content-type']).toContain('application/problem+json');
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(3_500);
      expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(3_600);
      expect(locked.body).toMatchObject({
        type: 'https://onestop.gov.vn/problems/too-many-requests/look-up-locked',
        status: 429,
        scope: 'code',
        instance: `/api/v1/dossiers/${code}/status`,
      });
      expect(JSON.stringify(locked.body)).not.toContain('3456');
    }
    const locks =
      (await metric(first.url, /^onestop_lookup_locks_total\{.*lookup="dossier-status".*scope="code"/)) +
      (await metric(second.url, /^onestop_lookup_locks_total\{.*lookup="dossier-status".*scope="code"/));
    expect(locks).toBe(1);

    // The lock expires by itself (the platform's integration test waits for it); an operator
    // lifts it sooner by deleting its key, as docs/operations.md says.
    expect(await redis.del(`${settings.RATE_LIMIT_KEY_PREFIX}:{intake:lookup:dossier-status}:code:${code}:lock`)).toBe(
      1,
    );
    await lookUp(second.url, code, RIGHT).expect(200);
  }, 30_000);

  it('answers a burst of 300 parallel guesses with exactly 3 wrong tries; the others, and then the right digits, get 429', async () => {
    const code = await fileDossier();
    const guesses = Array.from({ length: 300 }, (_, i) => String(1000 + i));
    const statuses = await Promise.all(
      guesses.map((digits, i) =>
        lookUp(i % 2 ? second.url : first.url, code, digits).then((response) => response.status),
      ),
    );
    expect(statuses.filter((status) => status === 404)).toHaveLength(3);
    expect(statuses.filter((status) => status !== 404).every((status) => status === 429)).toBe(true);
    await lookUp(first.url, code, RIGHT).expect(429);
  }, 30_000);

  it('limits one client address to 10 requests a minute, with Retry-After; other addresses, health, metrics and docs are unaffected', async () => {
    const address = freshAddress();
    for (let i = 0; i < 10; i++)
      await request(i % 2 ? second.url : first.url)
        .get('/api/v1/procedures')
        .set('X-Forwarded-For', address)
        .expect(200);
    const refused = await request(first.url).get('/api/v1/procedures').set('X-Forwarded-For', address).expect(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused.body).toMatchObject({
      type: 'https://onestop.gov.vn/problems/too-many-requests',
      status: 429,
      limit: 'address',
    });

    await request(first.url).get('/api/v1/procedures').set('X-Forwarded-For', freshAddress()).expect(200);
    for (let i = 0; i < 15; i++)
      await request(second.url).get('/health/live').set('X-Forwarded-For', address).expect(200);
    await request(second.url).get('/health/ready').set('X-Forwarded-For', address).expect(200);
    await request(second.url).get('/metrics').set('X-Forwarded-For', address).expect(200);
    await request(second.url).get('/docs-json').set('X-Forwarded-For', address).expect(200);
    expect(await metric(first.url, /^onestop_rate_limited_total\{.*limit="address"/)).toBeGreaterThanOrEqual(1);
  }, 30_000);

  it('limits one account to 8 requests a minute across both replicas, from any addresses', async () => {
    const citizen = await tokenFor('citizen', undefined, '46', `citizen-${randomBytes(3).toString('hex')}`);
    const asCitizen = (url: string) =>
      request(url).get('/api/v1/procedures').set('X-Forwarded-For', freshAddress()).auth(citizen, { type: 'bearer' });
    for (let i = 0; i < 8; i++) await asCitizen(i % 2 ? second.url : first.url).expect(200);
    for (const url of [first.url, second.url]) {
      const refused = await asCitizen(url).expect(429);
      expect(refused.body).toMatchObject({ status: 429, limit: 'principal' });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    }
    const other = await tokenFor('citizen', undefined, '46', `citizen-${randomBytes(3).toString('hex')}`);
    await request(first.url)
      .get('/api/v1/procedures')
      .set('X-Forwarded-For', freshAddress())
      .auth(other, { type: 'bearer' })
      .expect(200);
  }, 30_000);
});
