import { DossierRouted, EventEnvelope, TOPICS } from '@onestop/contracts';
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

const ORIGIN = { actor: { kind: 'system' as const, id: 'test' }, causationId: null };

/** Each province's notices in its own words: its own version of a template, else the national default. */
describe("notices rendered with the version of the notice's province", () => {
  jest.setTimeout(60_000);
  let notification: ServiceUnderTest<NotificationEnv>;
  let gateway: FakeProvider;
  let producer: Producer;
  const tokens: Record<string, string> = {};
  const run = randomBytes(3).toString('hex');
  const sms = '/api/v1/templates/dossier-received/sms/vi';

  beforeAll(async () => {
    gateway = await startFakeProvider('sms');
    notification = await startServiceWithDatabase(notificationService, notificationSchema, {
      KAFKA_CONSUMER_START: 'latest',
      SMS_PROVIDERS: JSON.stringify([
        { name: 'gateway', url: gateway.url, apiKey: 'k', weight: 1, brandname: 'ONESTOP' },
      ]),
    });
    producer = new Kafka({
      clientId: 'notification-e2e-province-templates',
      brokers: testKafkaBrokers(),
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
    tokens.hue = await tokenFor('province-admin', undefined, '46', `hue-admin-${run}`);
    tokens.hanoi = await tokenFor('province-admin', undefined, '01', `hanoi-admin-${run}`);
    tokens.hanoiOfficer = await tokenFor('specialist', '00004', '01', `hanoi-officer-${run}`);
  }, 90_000);

  afterAll(async () => {
    await producer?.disconnect();
    await notification?.close();
    await gateway?.close();
  });

  /** A receipt of a dossier of `provinceCode`, received at `unitCode`, for its own phone number. */
  const receipt = (provinceCode: string, unitCode: string, phone: string): EventEnvelope => {
    const event = dossierReceivedEvent({ unitCode, applicant: { phone } });
    return { ...event, payload: { ...event.payload, provinceCode } };
  };
  const textTo = (phone: string) =>
    gateway.requests.find((message) => message.json['to'] === phone)?.json['text'] as string | undefined;

  it("sends Huế's version for Huế's dossiers, Hà Nội's for Hà Nội's and the national default elsewhere", async () => {
    await request(notification.url)
      .put(sms)
      .auth(tokens.hue, { type: 'bearer' })
      .send({ body: 'UBND Hue: ho so {{code}}, hen {{appointmentDate}}. dichvucong.hue.gov.vn' })
      .expect(200);
    await request(notification.url)
      .put(sms)
      .auth(tokens.hanoi, { type: 'bearer' })
      .send({ body: 'UBND Ha Noi: ho so {{code}}, hen {{appointmentDate}}. dichvucong.hanoi.gov.vn' })
      .expect(200);
    const phones = {
      hue: `0905${run.slice(0, 6).replace(/[a-f]/g, '1')}`,
      hanoi: `0912${run.slice(0, 6).replace(/[a-f]/g, '2')}`,
      danang: `0935${run.slice(0, 6).replace(/[a-f]/g, '3')}`,
    };
    const events = {
      hue: receipt('46', '19789', phones.hue),
      hanoi: receipt('01', '00004', phones.hanoi),
      danang: receipt('48', '20194', phones.danang),
    };
    await publishEvents(producer, TOPICS.dossier, Object.values(events));
    await waitFor(
      async () => Object.values(phones).every((phone) => textTo(phone) !== undefined),
      30_000,
      'the three receipts',
    );

    const codeOf = (event: EventEnvelope) => (event.payload as { code: string }).code;
    expect(textTo(phones.hue)).toBe(`UBND Hue: ho so ${codeOf(events.hue)}, hen 27/11/2026. dichvucong.hue.gov.vn`);
    expect(textTo(phones.hanoi)).toBe(
      `UBND Ha Noi: ho so ${codeOf(events.hanoi)}, hen 27/11/2026. dichvucong.hanoi.gov.vn`,
    );
    expect(textTo(phones.danang)).toContain(`Ho so ${codeOf(events.danang)} da duoc tiep nhan`);
    expect(textTo(phones.danang)).not.toMatch(/hue|hanoi/i);

    // Each delivery names whose version it used; Huế's operators see theirs only.
    const used = await notification.database.dataSource.query(
      `SELECT province_code AS "province", template_province_code AS "templateProvince", template_version AS "version" FROM deliveries WHERE dossier_code = ANY($1) ORDER BY province_code`,
      [Object.values(events).map(codeOf)],
    );
    expect(used).toEqual([
      { province: '01', templateProvince: '01', version: 1 },
      { province: '46', templateProvince: '46', version: 1 },
      { province: '48', templateProvince: null, version: 1 },
    ]);
    const hueView = await request(notification.url)
      .get(`/api/v1/deliveries?dossierCode=${codeOf(events.hue)}`)
      .auth(tokens.hue, { type: 'bearer' })
      .expect(200);
    expect(hueView.body.items.map((item: { template: unknown }) => item.template)).toEqual([
      { id: 'dossier-received/sms/vi', version: 1, provinceCode: '46' },
    ]);
    const hanoiLooksAtHue = await request(notification.url)
      .get(`/api/v1/deliveries?dossierCode=${codeOf(events.hue)}`)
      .auth(tokens.hanoi, { type: 'bearer' })
      .expect(200);
    expect(hanoiLooksAtHue.body.items).toEqual([]);
  });

  it("renders an officer's notice with the version of the unit's province when the dossier's receipt was never seen", async () => {
    await request(notification.url)
      .put('/api/v1/templates/dossier-assigned/inbox/vi')
      .auth(tokens.hanoi, { type: 'bearer' })
      .send({ subject: 'Ha Noi: ho so moi {{code}}', body: 'Ho so {{code}}, han {{dueAt}}' })
      .expect(200);
    const dossierId = randomUUID();
    const code = `00004-261124-${String(randomBytes(2).readUInt16BE() % 10_000).padStart(4, '0')}`;
    const routed = createEvent(
      DossierRouted,
      dossierId,
      { dossierId, code, unitCode: '00004', assigneeId: `hanoi-officer-${run}`, dueAt: '2026-11-27T02:00:00.000Z' },
      { ...ORIGIN, correlationId: dossierId, source: 'routing' },
      new Date(),
    );
    await publishEvents(producer, TOPICS.dossier, [routed]);
    const inbox = async () =>
      (await request(notification.url).get('/api/v1/inbox').auth(tokens.hanoiOfficer, { type: 'bearer' }).expect(200))
        .body.items as { title: string; body: string }[];
    await waitFor(async () => (await inbox()).length > 0, 30_000, "the officer's inbox");
    expect((await inbox())[0]).toMatchObject({
      title: `Ha Noi: ho so moi ${code}`,
      body: `Ho so ${code}, han 27/11/2026 09:00`,
    });
  });
});
