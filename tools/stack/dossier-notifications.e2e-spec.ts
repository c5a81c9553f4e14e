import { DossierStatusChanged, DossierStatusCode, EventEnvelope, TOPICS } from '@onestop/contracts';
import { IntakeEnv, intakeSchema, intakeService } from '@onestop/intake';
import { createEvent } from '@onestop/messaging';
import { NotificationEnv, notificationSchema, notificationService, reportSignature } from '@onestop/notification';
import { FakeProvider, mailText, SmtpSink, startFakeProvider, startSmtpSink } from '@onestop/notification/testing';
import { ManualClock } from '@onestop/platform';
import {
  publishEvents,
  readTopic,
  ServiceUnderTest,
  startServiceWithDatabase,
  testKafkaBrokers,
  tokenFor,
  waitFor,
} from '@onestop/testing';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import request from 'supertest';

const PHU_XUAN = '19753';
const CALLBACK_SECRET = 'gateway-callback-secret-0123456789';

/**
 * Notices from real events: intake files dossiers on the test broker, notification sends through a
 * real SMTP server and a local SMS gateway on loopback.
 */
describe('notification from a filed dossier', () => {
  jest.setTimeout(90_000);
  // Tuesday 24 November 2026, 09:00 in Huế: a 3-working-day procedure is due Friday the 27th.
  const clock = new ManualClock(new Date('2026-11-24T09:00:00+07:00'));
  let intake: ServiceUnderTest<IntakeEnv>;
  let notification: ServiceUnderTest<NotificationEnv>;
  let smtp: SmtpSink;
  let gateway: FakeProvider;
  let producer: Producer;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    [smtp, gateway] = await Promise.all([startSmtpSink(), startFakeProvider('sms')]);
    const kafka = { KAFKA_CONSUMER_START: 'latest' };
    [intake, notification] = await Promise.all([
      startServiceWithDatabase(intakeService, intakeSchema, kafka, { clock }),
      startServiceWithDatabase(notificationService, notificationSchema, {
        ...kafka,
        SMTP_URL: smtp.url,
        SMS_PROVIDERS: JSON.stringify([
          { name: 'gateway', url: gateway.url, apiKey: 'k', weight: 1, brandname: 'UBND HUE', deliveryReports: true },
        ]),
        PROVIDER_CALLBACK_SECRET: CALLBACK_SECRET,
        DELIVERY_RETRY_BASE_MS: '300',
        DELIVERY_RETRY_MAX_MS: '1000',
        DELIVERY_RETRY_HORIZON_MS: '4000',
      }),
    ]);
    producer = new Kafka({
      clientId: 'notification-e2e',
      brokers: testKafkaBrokers(),
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
    tokens.desk = await tokenFor('desk-officer', PHU_XUAN, '46', 'desk-px');
    tokens.citizen = await tokenFor('citizen', undefined, '46', 'citizen-lan');
    tokens.admin = await tokenFor('province-admin', undefined, '46', 'admin');
  }, 120_000);

  afterAll(async () => {
    await producer?.disconnect();
    await notification?.close();
    await intake?.close();
    await Promise.all([smtp?.close(), gateway?.close()]);
  });

  const phone = () => `09${String(randomBytes(4).readUInt32BE() % 100_000_000).padStart(8, '0')}`;
  const filing = (applicant: { phone: string; email: string }) => ({
    procedureCode: 'HKD-DANGKY',
    receivingUnitCode: PHU_XUAN,
    channel: 'counter',
    applicant: {
      name: 'Nguyễn Thị Lan',
      citizenId: '046095001234',
      ...applicant,
      address: { line: '5 Kim Long', communeCode: '19774' },
    },
    documents: [{ type: 'registration-application', fileName: 'don.pdf', sha256: 'a'.repeat(64), size: 1000 }],
  });

  async function file(applicant: { phone: string; email: string }): Promise<{ id: string; code: string }> {
    const response = await request(intake.url)
      .post('/api/v1/dossiers')
      .auth(tokens.desk, { type: 'bearer' })
      .set('Idempotency-Key', randomBytes(6).toString('hex'))
      .send(filing(applicant))
      .expect(201);
    return response.body;
  }

  const deliveries = (
    dossierId: string,
  ): Promise<
    {
      id: string;
      channel: string;
      state: string;
      attempts: number;
      provider: string | null;
      provider_reference: string | null;
      template_version: number;
    }[]
  > =>
    notification.database.dataSource.query('SELECT * FROM deliveries WHERE dossier_id = $1 ORDER BY channel', [
      dossierId,
    ]);
  const smsTo = (number: string) => gateway.requests.filter((r) => r.json['to'] === number);
  const mailTo = (address: string) => smtp.received.filter((mail) => mail.to.includes(address));

  function report(
    reference: string,
    status: 'delivered' | 'failed',
    signature = reportSignature(CALLBACK_SECRET, 'gateway', { reference, status }),
  ) {
    return request(notification.url)
      .post('/api/v1/provider-callbacks/gateway')
      .set('X-OneStop-Signature', signature)
      .send({ reference, status });
  }

  /** What routing publishes when a dossier changes status. */
  function statusChange(
    dossier: { id: string; code: string },
    change: { from: DossierStatusCode; to: DossierStatusCode; action: string; reason: string },
  ) {
    return createEvent(
      DossierStatusChanged,
      dossier.id,
      {
        dossierId: dossier.id,
        code: dossier.code,
        provinceCode: '46',
        procedureCode: 'HKD-DANGKY',
        receivingUnitCode: PHU_XUAN,
        unitCode: '19774',
        ...change,
        dueAt: null,
        resultChannel: null,
      },
      { source: 'routing', actor: { kind: 'system', id: 'routing' }, correlationId: dossier.id, causationId: null },
      new Date(),
    );
  }

  let received: { id: string; code: string; phone: string; email: string };

  it('sends exactly one e-mail and one SMS with the code and the appointment date', async () => {
    const applicant = { phone: phone(), email: `lan.${randomBytes(3).toString('hex')}@example.vn` };
    received = { ...(await file(applicant)), ...applicant };
    await waitFor(
      async () => mailTo(applicant.email).length === 1 && smsTo(applicant.phone).length === 1,
      30_000,
      'the receipt by e-mail and SMS',
    );
    const mail = mailText(mailTo(applicant.email)[0]);
    expect(mail).toContain(received.code);
    expect(mail).toContain('27/11/2026');
    expect(mail).toContain('Nguyễn Thị Lan');
    expect(mailTo(applicant.email)[0].data).toMatch(/Subject: =\?UTF-8\?/);
    expect(smsTo(applicant.phone)[0].json['text']).toContain(
      `Ho so ${received.code} da duoc tiep nhan. Hen tra ket qua 27/11/2026.`,
    );

    // The message reaches the sink a moment before the dispatcher records the attempt.
    await waitFor(
      async () => (await deliveries(received.id)).every((row) => row.attempts === 1),
      10_000,
      'both attempts recorded',
    );
    const rows = await deliveries(received.id);
    expect(rows.map((row) => [row.channel, row.state, row.attempts, row.template_version])).toEqual([
      ['email', 'delivered', 1, 1],
      ['sms', 'sending', 1, 1],
    ]);
    // The gateway reports handset delivery; a repeated report changes nothing.
    const sms = rows.find((row) => row.channel === 'sms')!;
    await report(sms.provider_reference!, 'delivered').expect(204);
    await report(sms.provider_reference!, 'delivered').expect(204);
    const view = await request(notification.url)
      .get(`/api/v1/deliveries/${sms.id}`)
      .auth(tokens.admin, { type: 'bearer' })
      .expect(200);
    expect(view.body).toMatchObject({
      state: 'delivered',
      provider: 'gateway',
      template: { id: 'dossier-received/sms/vi', version: 1 },
      address: expect.stringMatching(/^09\d\*{5}\d{2}$/),
    });
    expect(view.body.deliveredAt).toEqual(expect.any(String));
    expect(JSON.stringify(view.body)).not.toContain(applicant.phone);
  });

  it('sends nothing more when Kafka delivers the same event again, even if the inbox forgot it', async () => {
    const receivedEvent = (
      await readTopic(
        TOPICS.dossier,
        (key) => key === received.id,
        (messages) => messages.length >= 2,
      )
    ).find((m) => m.value.includes('"DossierReceived"'))!;
    const inInbox = async (eventId: string) =>
      (await notification.database.dataSource.query('SELECT 1 FROM messaging_inbox WHERE event_id = $1', [eventId]))
        .length === 1;
    // The redelivery, then an event that notifies nobody on the same key: once that one is in the
    // inbox, the partition has been consumed past the redelivery.
    const redeliver = async () => {
      const marker = statusChange(received, { from: 2, to: 7, action: 'withdraw', reason: 'marker' });
      await producer.send({
        topic: TOPICS.dossier,
        messages: [
          { key: received.id, value: receivedEvent.value },
          { key: received.id, value: JSON.stringify(marker) },
        ],
      });
      await waitFor(() => inInbox(marker.id), 10_000, 'the redelivery consumed');
    };
    await redeliver();
    // Without its inbox row the event is applied again: the deliveries' own key keeps it to one.
    const eventId = (JSON.parse(receivedEvent.value) as EventEnvelope).id;
    await notification.database.dataSource.query('DELETE FROM messaging_inbox WHERE event_id = $1', [eventId]);
    await redeliver();
    expect(await inInbox(eventId)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(mailTo(received.email)).toHaveLength(1);
    expect(smsTo(received.phone)).toHaveLength(1);
    expect(await deliveries(received.id)).toHaveLength(2);
  });

  it('delivers once after the gateway answered "try later" twice', async () => {
    const applicant = { phone: phone(), email: `retry.${randomBytes(3).toString('hex')}@example.vn` };
    gateway.script(applicant.phone, ['temporary', 'temporary']);
    const dossier = await file(applicant);
    await waitFor(
      async () =>
        (await deliveries(dossier.id)).some((row) => row.channel === 'sms' && row.provider_reference !== null),
      30_000,
      'the SMS taken on the third try',
    );
    const sms = (await deliveries(dossier.id)).find((row) => row.channel === 'sms')!;
    expect(sms.attempts).toBe(3);
    expect(smsTo(applicant.phone).map((r) => r.json['text'])).toEqual([
      expect.stringContaining(dossier.code),
      expect.stringContaining(dossier.code),
      expect.stringContaining(dossier.code),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(smsTo(applicant.phone)).toHaveLength(3);
    expect(mailTo(applicant.email)).toHaveLength(1);
  });

  it('does not retry a permanent refusal, and publishes it as undeliverable', async () => {
    const applicant = { phone: phone(), email: `gone.${randomBytes(3).toString('hex')}@example.vn` };
    smtp.refuse.set(applicant.email, 550);
    gateway.script(applicant.phone, ['permanent']);
    const dossier = await file(applicant);
    await waitFor(
      async () => (await deliveries(dossier.id)).every((row) => row.state === 'permanent-failure'),
      30_000,
      'both refused for good',
    );
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(smtp.refused.filter((address) => address === applicant.email)).toHaveLength(1);
    expect(smsTo(applicant.phone)).toHaveLength(1);
    expect((await deliveries(dossier.id)).map((row) => row.attempts)).toEqual([1, 1]);
    const deadLetters = await readTopic(
      TOPICS.notification,
      (key) => key === dossier.id,
      (messages) => messages.length >= 2,
    );
    expect(
      deadLetters
        .map((m) => JSON.parse(m.value).payload)
        .map((p: { channel: string; state: string }) => [p.channel, p.state])
        .sort(),
    ).toEqual([
      ['email', 'permanent-failure'],
      ['sms', 'permanent-failure'],
    ]);
    for (const letter of deadLetters) expect(letter.value).not.toContain(applicant.email);
  });

  it('gives up on a gateway that keeps failing once the retry horizon passes: technical failure', async () => {
    const applicant = { phone: phone(), email: `later.${randomBytes(3).toString('hex')}@example.vn` };
    gateway.script(applicant.phone, Array(20).fill('temporary'));
    const dossier = await file(applicant);
    await waitFor(
      async () =>
        (await deliveries(dossier.id)).some((row) => row.channel === 'sms' && row.state === 'technical-failure'),
      30_000,
      'the SMS given up',
    );
    const sms = (await deliveries(dossier.id)).find((row) => row.channel === 'sms')!;
    expect(sms.attempts).toBeGreaterThanOrEqual(3);
    expect(smsTo(applicant.phone)).toHaveLength(sms.attempts);
    // An operator sends it again once the gateway is back.
    gateway.script(applicant.phone, []);
    await request(notification.url)
      .post(`/api/v1/deliveries/${sms.id}/retry`)
      .auth(tokens.admin, { type: 'bearer' })
      .expect(202);
    await waitFor(
      async () =>
        (await deliveries(dossier.id)).some(
          (row) => row.channel === 'sms' && row.state === 'sending' && row.provider_reference !== null,
        ),
      20_000,
      'the SMS sent again',
    );
    await request(notification.url)
      .post(`/api/v1/deliveries/${sms.id}/retry`)
      .auth(tokens.admin, { type: 'bearer' })
      .expect(409);
  });

  it("follows an online applicant's preferences, yet always sends a legal notice outside the platform", async () => {
    const applicant = { phone: phone(), email: `online.${randomBytes(3).toString('hex')}@example.vn` };
    const citizen = await tokenFor('citizen', undefined, '46', `citizen-${randomBytes(3).toString('hex')}`);
    const me = await request(notification.url)
      .put('/api/v1/preferences/me')
      .auth(citizen, { type: 'bearer' })
      .send({ channels: { email: false, sms: false } })
      .expect(200);
    expect(me.body).toMatchObject({ channels: { email: false, sms: false, zalo: false, inbox: true }, locale: 'vi' });
    const online = await request(intake.url)
      .post('/api/v1/dossiers')
      .auth(citizen, { type: 'bearer' })
      .set('Idempotency-Key', randomBytes(6).toString('hex'))
      .send({ ...filing(applicant), channel: 'online' })
      .expect(201);
    await request(intake.url)
      .post(`/api/v1/dossiers/${online.body.code}/intake-decision`)
      .auth(tokens.desk, { type: 'bearer' })
      .send({ decision: 'receive' })
      .expect(200);

    // The receipt reaches the in-app inbox only, as chosen.
    const inbox = (path = '') =>
      request(notification.url).get(`/api/v1/inbox${path}`).auth(citizen, { type: 'bearer' });
    await waitFor(async () => (await inbox()).body.items?.length === 1, 30_000, 'the receipt in the inbox');
    const [message] = (await inbox()).body.items;
    expect(message).toMatchObject({ kind: 'dossier-received', dossierCode: online.body.code, readAt: null });
    expect(message.body).toContain('27/11/2026');
    expect((await inbox('/unread-count')).body).toEqual({ unread: 1 });
    await request(notification.url)
      .post(`/api/v1/inbox/${message.id}/read`)
      .auth(citizen, { type: 'bearer' })
      .expect(200);
    expect((await inbox('/unread-count')).body).toEqual({ unread: 0 });
    await request(notification.url)
      .post(`/api/v1/inbox/${message.id}/read`)
      .auth(tokens.desk, { type: 'bearer' })
      .expect(404);
    expect(
      (await request(notification.url).get('/api/v1/inbox').auth(tokens.desk, { type: 'bearer' })).body.items,
    ).toEqual([]);
    expect(mailTo(applicant.email)).toHaveLength(0);
    expect(smsTo(applicant.phone)).toHaveLength(0);

    // A supplement request is a legal notice: it goes out by SMS although SMS is switched off.
    const change = statusChange(online.body, {
      from: 4,
      to: 5,
      action: 'request-supplement',
      reason: 'Thiếu hợp đồng thuê mặt bằng',
    });
    await publishEvents(producer, TOPICS.dossier, [change]);
    await waitFor(async () => smsTo(applicant.phone).length === 1, 30_000, 'the supplement SMS');
    expect(smsTo(applicant.phone)[0].json['text']).toBe(
      `Ho so ${online.body.code} can bo sung: Thiếu hợp đồng thuê mặt bằng`,
    );
    await waitFor(async () => (await inbox('/unread-count')).body.unread === 1, 10_000, 'the supplement in the inbox');
    expect(mailTo(applicant.email)).toHaveLength(0);
  });

  it('refuses bad preferences and inbox queries with 4xx naming the field', async () => {
    const citizen = await tokenFor('citizen', undefined, '46', 'citizen-bad-input');
    const bad = await request(notification.url)
      .put('/api/v1/preferences/me')
      .auth(citizen, { type: 'bearer' })
      .send({ channels: { sms: 'no' }, locale: 'fr', phone: '12345', fax: true })
      .expect(400);
    expect(new Set(bad.body.errors.map((e: { field: string }) => e.field))).toEqual(
      new Set(['channels.sms', 'locale', 'phone', 'fax']),
    );
    expect(
      (await request(notification.url).get('/api/v1/preferences/me').auth(citizen, { type: 'bearer' }).expect(200)).body
        .updatedAt,
    ).toBeNull();
    const query = await request(notification.url)
      .get('/api/v1/inbox?unread=maybe&limit=1000')
      .auth(citizen, { type: 'bearer' })
      .expect(400);
    expect(new Set(query.body.errors.map((e: { field: string }) => e.field))).toEqual(new Set(['unread', 'limit']));
    await request(notification.url).post('/api/v1/inbox/not-a-uuid/read').auth(citizen, { type: 'bearer' }).expect(400);
  });

  it('refuses a delivery report with a wrong signature or an unknown reference, and bad queries, with 4xx', async () => {
    await report('sms-unknown', 'delivered').expect(404);
    await report('sms-unknown', 'delivered', 'ab'.repeat(32)).expect(401);
    await request(notification.url)
      .post('/api/v1/provider-callbacks/gateway')
      .send({ reference: 'x', status: 'lost' })
      .expect(400);
    const bad = await request(notification.url)
      .get('/api/v1/deliveries?limit=0&state=lost&cursor=abc')
      .auth(tokens.admin, { type: 'bearer' })
      .expect(400);
    expect(new Set(bad.body.errors.map((e: { field: string }) => e.field))).toEqual(
      new Set(['limit', 'state', 'cursor']),
    );
    await request(notification.url)
      .get('/api/v1/deliveries/not-a-uuid')
      .auth(tokens.admin, { type: 'bearer' })
      .expect(400);
    await request(notification.url).get('/api/v1/deliveries').auth(tokens.desk, { type: 'bearer' }).expect(403);
  });

  it('pages deliveries by cursor, newest first, without gaps or repeats', async () => {
    const all = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: request.Response = await request(notification.url)
        .get(`/api/v1/deliveries?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
        .auth(tokens.admin, { type: 'bearer' })
        .expect(200);
      for (const item of page.body.items) {
        expect(all.has(item.id)).toBe(false);
        all.add(item.id);
      }
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor);
    const [{ count }] = await notification.database.dataSource.query('SELECT count(*)::int AS count FROM deliveries');
    expect(all.size).toBe(count);
    expect(pages).toBe(Math.ceil(count / 3));
  });
});
