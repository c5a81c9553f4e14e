import { DossierReceived, EnvelopeOf, TOPICS } from '@onestop/contracts';
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
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import request from 'supertest';
import { notificationSchema } from '../database/schema';
import { NotificationEnv } from '../notification.env';
import { notificationService } from '../service';
import { HostResolver } from './webhook-client';

/** What the receivers say back: their bodies are what must never reach a delivery's record. */
const LEAK = 'redis_version:7.2.4 AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI';

interface Receiver {
  url: string;
  paths: string[];
  hosts: (string | undefined)[];
  close(): Promise<void>;
}

async function startReceiver(answer: (request: IncomingMessage, response: ServerResponse) => void): Promise<Receiver> {
  const paths: string[] = [];
  const hosts: (string | undefined)[] = [];
  const server: Server = createServer((request, response) => {
    paths.push(request.url ?? '');
    hosts.push(request.headers.host);
    request.resume();
    request.on('end', () => answer(request, response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    paths,
    hosts,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Webhook deliveries to receivers on loopback (WEBHOOK_ALLOW_PRIVATE_DESTINATIONS, as tests and
 * local development have it): a redirect is not followed, a receiver's body is never stored, and
 * a host name is connected to at the address it was resolved and checked to.
 */
describe('webhook deliveries: redirects, answers and the address connected to', () => {
  jest.setTimeout(60_000);
  let notification: ServiceUnderTest<NotificationEnv>;
  let producer: Producer;
  let internal: Receiver;
  let redirecting: Receiver;
  let failing: Receiver;
  let named: Receiver;
  let admin: string;
  const run = randomBytes(3).toString('hex');
  const host = `receiver-${run}.thuyxuan.example`;

  beforeAll(async () => {
    internal = await startReceiver((_request, response) => response.end('internal service reached'));
    redirecting = await startReceiver((_request, response) => {
      response.writeHead(307, { location: `${internal.url}/internal`, 'content-type': 'text/plain' });
      response.end(LEAK);
    });
    failing = await startReceiver((_request, response) => {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: LEAK }));
    });
    named = await startReceiver((_request, response) => response.end('{"ok":true}'));
    notification = await startServiceWithDatabase(notificationService, notificationSchema, {
      KAFKA_CONSUMER_START: 'latest',
      WEBHOOK_ALLOW_PRIVATE_DESTINATIONS: 'true',
    });
    // A name no DNS knows, answered here: only the pinned, checked address can get the request there.
    jest.spyOn(notification.app.get(HostResolver), 'resolve').mockImplementation(async (name) => {
      if (name !== host) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
      return [{ address: '127.0.0.1', family: 4 }];
    });
    producer = new Kafka({
      clientId: 'notification-e2e-webhook-delivery',
      brokers: testKafkaBrokers(),
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
    admin = await tokenFor('province-admin', undefined, '46', `admin-${run}`);
  }, 90_000);

  afterAll(async () => {
    jest.restoreAllMocks();
    await producer?.disconnect();
    await notification?.close();
    await Promise.all([internal, redirecting, failing, named].map((receiver) => receiver?.close()));
  });

  it('records a redirect as a failure with its status, follows it nowhere, and keeps no body', async () => {
    // Thủy Xuân's systems: one redirecting inward, one refusing with a talkative body, one by name.
    const subscribe = (url: string) =>
      request(notification.url)
        .post('/api/v1/webhooks')
        .auth(admin, { type: 'bearer' })
        .send({ tenantCode: '19813', url, kinds: ['dossier-received'] })
        .expect(201);
    const subscriptions = [
      await subscribe(`${redirecting.url}/hooks`),
      await subscribe(`${failing.url}/hooks`),
      await subscribe(`http://${host}:${new URL(named.url).port}/hooks`),
    ];
    const received: EnvelopeOf<typeof DossierReceived> = dossierReceivedEvent({ unitCode: '19813' });
    await publishEvents(producer, TOPICS.dossier, [received]);

    const deliveries = async () =>
      (
        await request(notification.url)
          .get(`/api/v1/deliveries?dossierCode=${received.payload.code}&channel=webhook`)
          .auth(admin, { type: 'bearer' })
          .expect(200)
      ).body.items as {
        address: string;
        state: string;
        lastError: string | null;
      }[];
    await waitFor(
      async () =>
        (await deliveries()).length === 3 &&
        (await deliveries()).every((delivery) => delivery.state !== 'created' && delivery.state !== 'sending'),
      30_000,
      'three attempts',
    );
    const byAddress = Object.fromEntries((await deliveries()).map((delivery) => [delivery.address, delivery]));
    expect(byAddress[subscriptions[0].body.url]).toMatchObject({ state: 'permanent-failure', lastError: 'HTTP 307' });
    expect(byAddress[subscriptions[1].body.url]).toMatchObject({ state: 'permanent-failure', lastError: 'HTTP 400' });
    expect(byAddress[subscriptions[2].body.url]).toMatchObject({ state: 'delivered', lastError: null });
    expect(redirecting.paths).toEqual(['/hooks']);
    expect(internal.paths).toEqual([]);
    expect(named.hosts).toEqual([`${host}:${new URL(named.url).port}`]);

    // Nothing the receivers said is kept anywhere: not in the API, not in the table, not in the dead letters' reasons.
    const everything = JSON.stringify(
      await notification.database.dataSource.query('SELECT * FROM deliveries WHERE dossier_code = $1', [
        received.payload.code,
      ]),
    );
    expect(everything).not.toContain('redis_version');
    expect(JSON.stringify(await deliveries())).not.toContain('redis_version');
  });
});
