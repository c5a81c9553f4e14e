import { TOPICS } from '@onestop/contracts';
import { MessageSinks, notificationChannelsFor, readMail, startMessageSinks } from '@onestop/local-stack';
import { NOTIFICATION_KINDS, NotificationEnv, notificationSchema, notificationService } from '@onestop/notification';
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

/**
 * The sinks `npm run up` sends notices to: notification configured as `npm run up` configures it
 * sends a receipt, and the page shows it as the applicant would read it, in Vietnamese.
 */
describe('the local message sinks', () => {
  let sinks: MessageSinks;
  let notification: ServiceUnderTest<NotificationEnv>;
  let producer: Producer;

  beforeAll(async () => {
    sinks = await startMessageSinks({ smtp: 0, http: 0 });
    notification = await startServiceWithDatabase(notificationService, notificationSchema, {
      KAFKA_CONSUMER_START: 'latest',
      ...notificationChannelsFor(sinks, Object.keys(NOTIFICATION_KINDS)),
    });
    producer = new Kafka({
      clientId: 'message-sinks-e2e',
      brokers: testKafkaBrokers(),
      logLevel: logLevel.NOTHING,
    }).producer();
    await producer.connect();
  }, 120_000);

  afterAll(async () => {
    await producer?.disconnect();
    await notification?.close();
    await sinks?.close();
  });

  it("shows the receipt's e-mail and SMS, decoded and escaped, on one page", async () => {
    const phone = `09${String(randomBytes(4).readUInt32BE() % 100_000_000).padStart(8, '0')}`;
    const email = `lan.${randomBytes(3).toString('hex')}@example.vn`;
    const event = dossierReceivedEvent({ applicant: { name: 'Nguyễn Thị <b>Lan</b>', phone, email } });
    await publishEvents(producer, TOPICS.dossier, [event]);
    const mine = () =>
      sinks.messages.filter(
        (message) => message.text.includes(event.payload.code) || message.to === `84${phone.slice(1)}`,
      );
    // E-mail and SMS by default; Zalo only for those who opted in.
    await waitFor(
      async () => new Set(mine().map((message) => message.channel)).size === 2,
      60_000,
      'the receipt by e-mail and SMS',
    );

    const page = await (await fetch(sinks.pageUrl)).text();
    expect(page).toContain('<html lang="vi">');
    const mail = mine().find((message) => message.channel === 'email')!;
    expect(mail.to).toBe(email);
    // The subject as the applicant's mail program shows it: decoded from its RFC 2047 words.
    expect(mail.subject).toMatch(/Hồ sơ|tiếp nhận/);
    expect(page).toContain(mail.subject.replace(/&/g, '&#38;'));
    expect(mail.text).toContain(event.payload.code);
    const sms = mine().find((message) => message.channel === 'sms')!;
    expect(sms.to).toBe(phone);
    expect(page).toContain(`Ho so ${event.payload.code}`);
    // What a sender wrote is text on the page, never markup.
    expect(page).not.toContain('<b>Lan</b>');
    expect(page).toContain('&#60;b&#62;Lan&#60;/b&#62;');
  }, 90_000);

  it('takes a Zalo ZNS message as the adapter sends it, and shows its template and values', async () => {
    const sent = await fetch(`${sinks.zaloApiUrl}/message/template`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', access_token: 'local' },
      body: JSON.stringify({
        phone: '84905000111',
        template_id: 'local-result-ready',
        template_data: { code: '19753-261124-0001' },
        tracking_id: 'd1',
      }),
    });
    expect(await sent.json()).toMatchObject({ error: 0, data: { msg_id: expect.stringMatching(/^zalo-/) } });
    const page = await (await fetch(sinks.pageUrl)).text();
    expect(page).toContain('local-result-ready');
    expect(page).toContain('code: 19753-261124-0001');
  });

  it('reads a base64 body and a folded subject as nodemailer may write them', () => {
    const subject = `=?UTF-8?B?${Buffer.from('Hồ sơ đã được').toString('base64')}?=\r\n =?UTF-8?Q?_ti=E1=BA=BFp_nh=E1=BA=ADn?=`;
    const raw = `Subject: ${subject}\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from('Hẹn trả kết quả 27/11/2026').toString('base64')}\r\n`;
    expect(readMail(raw)).toEqual({ subject: 'Hồ sơ đã được tiếp nhận', text: 'Hẹn trả kết quả 27/11/2026' });
  });
});
