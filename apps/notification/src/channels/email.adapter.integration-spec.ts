import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { EmailAdapter } from './email.adapter';

interface Received {
  to: string[];
  data: string;
}

/** A real SMTP server on loopback that accepts, or refuses recipients with a chosen code. */
async function smtpServer(refuse: Record<string, number>): Promise<{ server: SMTPServer; port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(address, _session, callback) {
      const code = refuse[address.address];
      if (!code) return callback();
      const error = Object.assign(new Error(code >= 500 ? 'mailbox unavailable' : 'try again later'), { responseCode: code });
      return callback(error);
    },
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.server.address() as AddressInfo).port, received };
}

describe('email over SMTP', () => {
  let smtp: Awaited<ReturnType<typeof smtpServer>>;
  let adapter: EmailAdapter;

  beforeAll(async () => {
    smtp = await smtpServer({ 'full@example.vn': 452, 'nobody@example.vn': 550 });
    adapter = new EmailAdapter({ url: `smtp://127.0.0.1:${smtp.port}`, from: 'Một cửa Huế <motcua@hue.gov.vn>' });
  });

  afterAll(async () => {
    adapter.close();
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
  });

  it('delivers a Vietnamese message the server receives intact, with our message id', async () => {
    const outcome = await adapter.send({ to: 'lan@example.vn', subject: 'Đã tiếp nhận hồ sơ 19774-261123-0001', body: 'Hẹn trả kết quả ngày 27/11/2026.', idempotencyKey: 'evt-1.lan.email' });
    expect(outcome).toEqual({ kind: 'accepted', providerReference: '<evt-1.lan.email@onestop>' });
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].to).toEqual(['lan@example.vn']);
    expect(smtp.received[0].data).toMatch(/Message-ID: <evt-1\.lan\.email@onestop>/i);
    // Subject and body travel encoded; both decode to the Vietnamese text.
    expect(smtp.received[0].data).toMatch(/Subject: =\?UTF-8\?/);
  });

  it('tells a temporary refusal (4xx) from a permanent one (5xx), and a closed port is temporary', async () => {
    expect(await adapter.send({ to: 'full@example.vn', subject: 'x', body: 'x', idempotencyKey: 'evt-2' })).toMatchObject({ kind: 'temporary-failure', reason: expect.stringMatching(/452/) });
    expect(await adapter.send({ to: 'nobody@example.vn', subject: 'x', body: 'x', idempotencyKey: 'evt-3' })).toMatchObject({ kind: 'permanent-failure', reason: expect.stringMatching(/550/) });
    const unreachable = new EmailAdapter({ url: 'smtp://127.0.0.1:9', from: 'motcua@hue.gov.vn' });
    expect(await unreachable.send({ to: 'lan@example.vn', subject: 'x', body: 'x', idempotencyKey: 'evt-4' })).toMatchObject({ kind: 'temporary-failure' });
    unreachable.close();
  });
});
