import { DossierOverdue, DossierRouted, EventEnvelope, TOPICS } from '@onestop/contracts';
import { createEvent } from '@onestop/messaging';
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
import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { notificationSchema } from '../database/schema';
import { NotificationEnv } from '../notification.env';
import { notificationService } from '../service';
import { FakeProvider, startFakeProvider } from '../test/fake-provider';
import { mailText, SmtpSink, startSmtpSink } from '../test/smtp-sink';
import { verifyWebhook } from '../webhooks/webhook-signature';

const ORIGIN = { actor: { kind: 'system' as const, id: 'test' }, causationId: null };

/** Officers' notices from routing and task-monitoring events, tenants' signed webhooks, and the API's own rate limit. */
describe('notices to officers and tenant systems', () => {
  jest.setTimeout(60_000);
  let notification: ServiceUnderTest<NotificationEnv>;
  let smtp: SmtpSink;
  let receiver: FakeProvider;
  let producer: Producer;
  const tokens: Record<string, string> = {};
  const dossierId = randomUUID();
  const code = `19753-261124-${String(randomBytes(2).readUInt16BE() % 10_000).padStart(4, '0')}`;
  const officer = `officer-${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    [smtp, receiver] = await Promise.all([startSmtpSink(), startFakeProvider('webhook')]);
    // The receiver listens on loopback, which only this setting (never production) lets webhooks reach.
    notification = await startServiceWithDatabase(notificationService, notificationSchema, {
      KAFKA_CONSUMER_START: 'latest',
      SMTP_URL: smtp.url,
      API_RATE_LIMIT_PER_MINUTE: '20',
      WEBHOOK_ALLOW_PRIVATE_DESTINATIONS: 'true',
    });
    producer = new Kafka({
      clientId: 'notification-e2e-officers',
      brokers: testKafkaBrokers(),
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
    tokens.admin = await tokenFor('province-admin', undefined, '46', `admin-${randomBytes(3).toString('hex')}`);
    tokens.officer = await tokenFor('specialist', '19774', '46', officer);
  }, 90_000);

  afterAll(async () => {
    await producer?.disconnect();
    await notification?.close();
    await Promise.all([smtp?.close(), receiver?.close()]);
  });

  const officerInboxKinds = async (): Promise<string[]> =>
    (
      await request(notification.url).get('/api/v1/inbox').auth(tokens.officer, { type: 'bearer' }).expect(200)
    ).body.items.map((item: { kind: string }) => item.kind);
  const publish = (topic: string, events: EventEnvelope[]) => publishEvents(producer, topic, events);

  it("subscribes a commune's system, which then gets each notice signed with its own secret", async () => {
    const bad = await request(notification.url)
      .post('/api/v1/webhooks')
      .auth(tokens.admin, { type: 'bearer' })
      .send({ tenantCode: 'hue!', url: 'not a url', kinds: ['birthday'] })
      .expect(400);
    expect(new Set(bad.body.errors.map((e: { field: string }) => e.field))).toEqual(
      new Set(['tenantCode', 'url', 'kinds']),
    );
    const subscribed = await request(notification.url)
      .post('/api/v1/webhooks')
      .auth(tokens.admin, { type: 'bearer' })
      .send({ tenantCode: '19753', url: `${receiver.url}/onestop`, kinds: ['dossier-received'] })
      .expect(201);
    expect(subscribed.body.secret).toHaveLength(43);
    const listed = await request(notification.url)
      .get('/api/v1/webhooks')
      .auth(tokens.admin, { type: 'bearer' })
      .expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(subscribed.body.secret);

    // The officer gives an e-mail address for notices.
    await request(notification.url)
      .put('/api/v1/preferences/me')
      .auth(tokens.officer, { type: 'bearer' })
      .send({ email: 'officer@hue.gov.vn', locale: 'en' })
      .expect(200);

    const origin = { ...ORIGIN, correlationId: dossierId };
    const received = dossierReceivedEvent({
      dossierId,
      code,
      subjectCommuneCode: '19774',
      applicant: { name: 'Phạm Văn Đức', phone: '0987654321' },
    });
    const routed = createEvent(
      DossierRouted,
      dossierId,
      { dossierId, code, unitCode: '19774', assigneeId: officer, dueAt: '2026-11-27T02:00:00.000Z' },
      { ...origin, source: 'routing' },
      new Date(),
    );
    await publish(TOPICS.dossier, [received, routed]);

    await waitFor(async () => receiver.requests.length === 1, 30_000, 'the webhook');
    const hook = receiver.requests[0];
    expect(
      verifyWebhook(
        subscribed.body.secret,
        hook.body,
        String(hook.headers['x-onestop-signature']),
        Math.floor(Date.now() / 1000),
      ),
    ).toBe(true);
    expect(hook.json).toMatchObject({
      kind: 'dossier-received',
      eventId: received.id,
      dossier: { id: dossierId, code },
      data: { code, appointmentDate: '27/11/2026' },
    });
    expect(hook.body).not.toContain('Phạm Văn Đức');

    // The assigned officer: inbox and the e-mail given, in English as chosen, with the due time in Huế.
    await waitFor(
      async () => smtp.received.some((mail) => mail.to.includes('officer@hue.gov.vn')),
      30_000,
      "the officer's e-mail",
    );
    expect(mailText(smtp.received.find((mail) => mail.to.includes('officer@hue.gov.vn'))!)).toContain(
      `Dossier ${code} (Household business registration) is assigned to you, due 2026-11-27 09:00.`,
    );
    // The inbox copy is a delivery of its own, possibly in the next dispatch round.
    await waitFor(async () => (await officerInboxKinds()).length > 0, 10_000, "the officer's inbox");
    expect(await officerInboxKinds()).toEqual(['dossier-assigned']);
  });

  it('tells the officer of an overdue dossier from task monitoring, once', async () => {
    const overdue = createEvent(
      DossierOverdue,
      dossierId,
      {
        dossierId,
        code,
        provinceCode: '46',
        unitCode: '19774',
        assigneeId: officer,
        dueAt: '2026-11-27T02:00:00.000Z',
      },
      { ...ORIGIN, correlationId: dossierId, source: 'task-monitoring' },
      new Date(),
    );
    await publish(TOPICS.task, [overdue, overdue]);
    await waitFor(async () => (await officerInboxKinds()).includes('dossier-overdue'), 30_000, 'the overdue notice');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await officerInboxKinds()).toEqual(['dossier-overdue', 'dossier-assigned']);
  });

  it('answers 429 with Retry-After once a caller passes its rate, other callers unaffected', async () => {
    const busy = await tokenFor('citizen', undefined, '46', `busy-${randomBytes(3).toString('hex')}`);
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 25; i++) {
      const response = await request(notification.url).get('/api/v1/inbox/unread-count').auth(busy, { type: 'bearer' });
      statuses.push(response.status);
      if (response.status === 429) {
        retryAfter = response.headers['retry-after'];
        expect(response.headers['content-type']).toContain('application/problem+json');
      }
    }
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(20);
    expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(21);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    const other = await tokenFor('citizen', undefined, '46', `calm-${randomBytes(3).toString('hex')}`);
    await request(notification.url).get('/api/v1/inbox/unread-count').auth(other, { type: 'bearer' }).expect(200);
    await request(notification.url).get('/health/live').expect(200);
  });
});
