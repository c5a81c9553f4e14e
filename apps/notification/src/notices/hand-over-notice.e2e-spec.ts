import { DossierStatusChanged, TOPICS } from '@onestop/contracts';
import { createEvent } from '@onestop/messaging';
import {
  dossierReceivedEvent,
  publishEvents,
  ServiceUnderTest,
  startServiceWithDatabase,
  testKafkaBrokers,
  waitFor,
} from '@onestop/testing';
import { Kafka, logLevel, Producer } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { notificationSchema } from '../database/schema';
import { NotificationEnv } from '../notification.env';
import { notificationService } from '../service';
import { FakeProvider, startFakeProvider } from '../test/fake-provider';

const LOOKUP_PAGE = 'https://dichvucong.hue.example/tra-cuu';

/** The hand-over notice, from routing's event to the applicant's SMS: it links to where the service is rated. */
describe('the hand-over notice', () => {
  jest.setTimeout(60_000);
  let notification: ServiceUnderTest<NotificationEnv>;
  let gateway: FakeProvider;
  let producer: Producer;

  beforeAll(async () => {
    gateway = await startFakeProvider('sms');
    notification = await startServiceWithDatabase(notificationService, notificationSchema, {
      KAFKA_CONSUMER_START: 'latest',
      PUBLIC_LOOKUP_PAGE_URL: LOOKUP_PAGE,
      SMS_PROVIDERS: JSON.stringify([
        { name: 'gateway', url: gateway.url, apiKey: 'k', weight: 1, brandname: 'ONESTOP' },
      ]),
    });
    producer = new Kafka({
      clientId: 'notification-e2e-hand-over',
      brokers: testKafkaBrokers(),
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
  }, 90_000);

  afterAll(async () => {
    await producer?.disconnect();
    await notification?.close();
    await gateway?.close();
  });

  it("sends the applicant the look-up page with the dossier's code, to rate the service", async () => {
    const phone = `0905${String(randomBytes(3).readUIntBE(0, 3)).padStart(8, '0').slice(0, 6)}`;
    const received = dossierReceivedEvent({ unitCode: '19753', subjectCommuneCode: '19774', applicant: { phone } });
    const { dossierId, code, procedure } = received.payload;
    const handedOver = createEvent(
      DossierStatusChanged,
      dossierId,
      {
        dossierId,
        code,
        provinceCode: '46',
        procedureCode: procedure.code,
        receivingUnitCode: '19753',
        unitCode: '19774',
        from: 9,
        to: 10,
        action: 'return-result',
        reason: null,
        dueAt: null,
        resultChannel: 'counter',
      },
      { source: 'routing', actor: { kind: 'system', id: 'test' }, correlationId: dossierId, causationId: null },
      new Date('2026-11-30T03:00:00Z'),
    );
    await publishEvents(producer, TOPICS.dossier, [received, handedOver]);
    const texts = () =>
      gateway.requests
        .filter((message) => message.json['to'] === phone)
        .map((message) => message.json['text'] as string);
    await waitFor(async () => texts().length === 2, 30_000, 'the receipt and the hand-over notice');

    const handOver = texts().find((text) => text.startsWith('Ket qua ho so'))!;
    expect(handOver).toBe(
      `Ket qua ho so ${code} da duoc tra (nhận tại quầy). Danh gia muc do hai long: ${LOOKUP_PAGE}?ma=${code}`,
    );
    // The receipt, sent before the hand-over, has no rating link: there is nothing to rate yet.
    expect(texts().find((text) => text.startsWith('Ho so'))).not.toContain('?ma=');
  });
});
