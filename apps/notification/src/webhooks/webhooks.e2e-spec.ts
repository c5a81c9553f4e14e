import { TOPICS } from '@onestop/contracts';
import {
  dossierReceivedEvent,
  publishEvents,
  ServiceUnderTest,
  startServiceWithDatabase,
  testKafkaBrokers,
  tokenFor,
  waitFor,
} from '@onestop/testing';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { AddressInfo, createServer, Server } from 'node:net';
import request from 'supertest';
import { notificationSchema } from '../database/schema';
import { NotificationEnv } from '../notification.env';
import { notificationService } from '../service';
import { HostResolver } from './webhook-client';

/**
 * Webhooks as production has them (https only, no private destinations): who may subscribe which
 * tenant, which URLs are refused when registered, and a destination refused again when delivering.
 */
describe('webhook subscriptions: tenants and destinations', () => {
  jest.setTimeout(60_000);
  let notification: ServiceUnderTest<NotificationEnv>;
  let producer: Producer;
  /** A TCP listener on loopback that counts connections: any connection at all would show here. */
  let trap: { server: Server; port: number; connections: number };
  const tokens: Record<string, string> = {};
  const run = randomBytes(3).toString('hex');
  /**
   * What "DNS" answers in this file: nothing unless a test says so. No name is ever looked up for
   * real (another test's events on the shared topic may trigger a delivery to any subscription here).
   */
  const dns = new Map<string, { address: string; family: number }[]>();
  let resolve: jest.SpyInstance;
  const count = async () =>
    (await notification.database.dataSource.query('SELECT count(*)::int AS n FROM webhook_subscriptions'))[0]
      .n as number;
  const subscribe = (token: string, body: object) =>
    request(notification.url).post('/api/v1/webhooks').auth(token, { type: 'bearer' }).send(body);

  beforeAll(async () => {
    const server = createServer((socket) => {
      trap.connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    trap = { server, port: (server.address() as AddressInfo).port, connections: 0 };
    notification = await startServiceWithDatabase(notificationService, notificationSchema, {
      KAFKA_CONSUMER_START: 'latest',
      WEBHOOK_ALLOW_HTTP: 'false',
      WEBHOOK_ALLOW_PRIVATE_DESTINATIONS: 'false',
    });
    resolve = jest.spyOn(notification.app.get(HostResolver), 'resolve').mockImplementation(async (name) => {
      const answer = dns.get(name);
      if (!answer) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
      return answer;
    });
    producer = new Kafka({
      clientId: 'notification-e2e-webhooks',
      brokers: testKafkaBrokers(),
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
    tokens.hue = await tokenFor('province-admin', undefined, '46', `hue-admin-${run}`);
    tokens.hueLeader = await tokenFor('province-leader', undefined, '46', `hue-leader-${run}`);
    tokens.hanoi = await tokenFor('province-admin', undefined, '01', `hanoi-admin-${run}`);
    tokens.noProvince = await tokenFor('province-admin', undefined, '', `stray-admin-${run}`);
  }, 90_000);

  afterAll(async () => {
    resolve?.mockRestore();
    await producer?.disconnect();
    await notification?.close();
    await new Promise((resolve) => trap?.server.close(resolve));
  });

  it("subscribes the province's own tenants only: the province, its communes, departments and service points", async () => {
    for (const tenantCode of ['46', '19804', '46.STP', '19804.BD1']) {
      const created = await subscribe(tokens.hue, {
        tenantCode,
        url: `https://hooks-${run}.hue.example/onestop`,
        kinds: ['fees-due'],
      });
      expect([tenantCode, created.status, created.body.tenantCode]).toEqual([tenantCode, 201, tenantCode]);
    }
    const before = await count();
    const refused: [string, string, number][] = [
      [tokens.hue, '00004', 403], // a commune of Hà Nội
      [tokens.hue, '01', 403],
      [tokens.hue, '01.STP', 403],
      [tokens.hue, '00004.BD1', 403],
      [tokens.hanoi, '19804', 403], // the probe: Hà Nội subscribing a commune of Huế
      [tokens.hanoi, '46', 403],
      [tokens.hue, '99999', 422],
      [tokens.hue, '46.NOPE', 422],
      [tokens.noProvince, '46', 403],
      [tokens.hueLeader, '46', 403],
    ];
    for (const [token, tenantCode, status] of refused) {
      const response = await subscribe(token, { tenantCode, url: 'https://hooks.example.vn/onestop' });
      expect([tenantCode, response.status, response.headers['content-type']]).toEqual([
        tenantCode,
        status,
        expect.stringContaining('application/problem+json'),
      ]);
    }
    expect(await count()).toBe(before);
  });

  it("lists and removes only the province's own subscriptions", async () => {
    const hue = (
      await subscribe(tokens.hue, {
        tenantCode: '19804',
        url: `https://huongan-${run}.hue.example/hooks`,
        kinds: ['fees-due'],
      }).expect(201)
    ).body;
    const hanoi = (
      await subscribe(tokens.hanoi, {
        tenantCode: '00070',
        url: `https://hoankiem-${run}.hanoi.example/hooks`,
        kinds: ['fees-due'],
      }).expect(201)
    ).body;
    const hanoiList = (
      await request(notification.url).get('/api/v1/webhooks').auth(tokens.hanoi, { type: 'bearer' }).expect(200)
    ).body.items as { id: string }[];
    expect(hanoiList.map((item) => item.id)).toEqual([hanoi.id]);
    await request(notification.url)
      .delete(`/api/v1/webhooks/${hue.id}`)
      .auth(tokens.hanoi, { type: 'bearer' })
      .expect(404);
    await request(notification.url)
      .delete(`/api/v1/webhooks/${hue.id}`)
      .auth(tokens.noProvince, { type: 'bearer' })
      .expect(403);
    await request(notification.url).get('/api/v1/webhooks').auth(tokens.noProvince, { type: 'bearer' }).expect(403);
    // Read back as Huế: still there, still active.
    const hueList = (
      await request(notification.url).get('/api/v1/webhooks').auth(tokens.hue, { type: 'bearer' }).expect(200)
    ).body.items as { id: string; active: boolean }[];
    expect(hueList.find((item) => item.id === hue.id)).toMatchObject({ active: true });
    expect(hueList.some((item) => item.id === hanoi.id)).toBe(false);
    await request(notification.url)
      .delete(`/api/v1/webhooks/${hue.id}`)
      .auth(tokens.hue, { type: 'bearer' })
      .expect(204);
  });

  it('refuses every class of private, internal or disguised destination at registration, naming the field url', async () => {
    const before = await count();
    const urls: [string, string][] = [
      ['http://hooks.hue.gov.vn/onestop', 'https'],
      ['https://169.254.169.254/latest/meta-data/iam/security-credentials/', 'link-local'],
      ['https://[fe80::1]/', 'link-local'],
      ['https://[::ffff:169.254.169.254]/', 'link-local'],
      ['https://127.0.0.1:3005/metrics', 'loopback'],
      ['https://[::1]:6379/', 'loopback'],
      ['https://0x7f000001:5432/', 'loopback'],
      ['https://2130706433/', 'loopback'],
      ['https://0177.0.0.1/', 'loopback'],
      ['https://127.1/', 'loopback'],
      ['https://[::ffff:127.0.0.1]/', 'loopback'],
      ['https://[::127.0.0.1]/', 'IPv4-compatible'],
      ['https://10.1.2.3/', 'private'],
      ['https://172.20.0.5/', 'private'],
      ['https://192.168.1.10/', 'private'],
      ['https://[fd00::5]/', 'unique local'],
      ['https://100.64.1.1/', 'CGNAT'],
      ['https://224.0.0.1/', 'multicast'],
      ['https://255.255.255.255/', 'broadcast'],
      ['https://0.0.0.0/', 'unspecified'],
      ['https://[::]/', 'unspecified'],
      ['https://192.0.2.1/', 'documentation'],
      ['https://240.0.0.1/', 'reserved'],
      ['https://metadata.google.internal/computeMetadata/v1/', 'metadata'],
      ['https://metadata/', 'metadata'],
      ['https://localhost:3004/', 'local host name'],
      ['https://redis:6379/', 'single-label'],
      ['https://user:secret@hooks.hue.gov.vn/onestop', 'user info'],
      ['https://hooks.hue.gov.vn@127.0.0.1/', 'user info'],
      ['ftp://hooks.hue.gov.vn/', 'http(s)'],
    ];
    for (const [url, mentioned] of urls) {
      const response = await subscribe(tokens.hue, { tenantCode: '46', url });
      expect({
        url,
        status: response.status,
        type: response.headers['content-type'],
        fields: response.body.errors?.map((e: { field: string }) => e.field),
        detail: response.body.detail,
      }).toEqual({
        url,
        status: 400,
        type: expect.stringContaining('application/problem+json'),
        fields: ['url'],
        detail: expect.stringContaining(mentioned),
      });
    }
    expect(await count()).toBe(before);
  });

  it('refuses at delivery a host that resolves to loopback, though it was accepted when registered, and connects nowhere', async () => {
    const host = `huongan-${run}.hue.example`;
    const subscribed = await subscribe(tokens.hue, {
      tenantCode: '19804',
      url: `https://${host}:${trap.port}/onestop`,
      kinds: ['dossier-received'],
    }).expect(201);
    expect(subscribed.body.url).toBe(`https://${host}:${trap.port}/onestop`);
    // Its DNS now answers loopback (a rebinding, or an internal name all along).
    dns.set(host, [{ address: '127.0.0.1', family: 4 }]);
    const received = dossierReceivedEvent({ unitCode: '19804' });
    await publishEvents(producer, TOPICS.dossier, [received]);
    const hueDeliveries = async () =>
      (
        await request(notification.url)
          .get(`/api/v1/deliveries?dossierCode=${received.payload.code}&channel=webhook`)
          .auth(tokens.hue, { type: 'bearer' })
          .expect(200)
      ).body.items as {
        id: string;
        state: string;
        lastError: string | null;
        attempts: number;
      }[];
    await waitFor(
      async () => (await hueDeliveries()).some((delivery) => delivery.state === 'permanent-failure'),
      30_000,
      'the refused delivery',
    );
    const [delivery] = await hueDeliveries();
    expect(delivery).toMatchObject({
      state: 'permanent-failure',
      attempts: 1,
      lastError: 'destination refused: the host resolves to a loopback address',
    });
    expect(resolve).toHaveBeenCalledWith(host);
    expect(trap.connections).toBe(0);

    // The deliveries are Huế's: another province neither sees nor retries them.
    const hanoiList = await request(notification.url)
      .get(`/api/v1/deliveries?dossierCode=${received.payload.code}`)
      .auth(tokens.hanoi, { type: 'bearer' })
      .expect(200);
    expect(hanoiList.body.items).toEqual([]);
    await request(notification.url)
      .get(`/api/v1/deliveries/${delivery.id}`)
      .auth(tokens.hanoi, { type: 'bearer' })
      .expect(404);
    await request(notification.url)
      .post(`/api/v1/deliveries/${delivery.id}/retry`)
      .auth(tokens.hanoi, { type: 'bearer' })
      .expect(404);
    await request(notification.url)
      .get(`/api/v1/deliveries/${delivery.id}`)
      .auth(tokens.noProvince, { type: 'bearer' })
      .expect(403);
    await request(notification.url)
      .post(`/api/v1/deliveries/${delivery.id}/retry`)
      .auth(tokens.hueLeader, { type: 'bearer' })
      .expect(403);
    const readBack = await request(notification.url)
      .get(`/api/v1/deliveries/${delivery.id}`)
      .auth(tokens.hueLeader, { type: 'bearer' })
      .expect(200);
    expect(readBack.body).toMatchObject({ state: 'permanent-failure', attempts: 1 });

    // Huế's own retry is refused again at the destination.
    await request(notification.url)
      .post(`/api/v1/deliveries/${delivery.id}/retry`)
      .auth(tokens.hue, { type: 'bearer' })
      .expect(202);
    await waitFor(async () => (await hueDeliveries())[0].attempts === 2, 30_000, 'the retried delivery');
    expect((await hueDeliveries())[0]).toMatchObject({
      state: 'permanent-failure',
      lastError: 'destination refused: the host resolves to a loopback address',
    });
    expect(trap.connections).toBe(0);
  });
});
