import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  data: string;
  /** performance.now() when the server accepted the message (answered 250 to DATA). */
  acceptedAt: number;
}

export interface SmtpSink {
  url: string;
  received: ReceivedMail[];
  /** Recipients refused with a reply code: 4xx (try later) or 5xx (never). */
  refuse: Map<string, number>;
  /** Recipients refused so far, one entry per refused attempt. */
  refused: string[];
  close(): Promise<void>;
}

/** A real SMTP server on loopback that keeps what it receives, for tests and the benchmark. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const received: ReceivedMail[] = [];
  const refuse = new Map<string, number>();
  const refused: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = refuse.get(address.address);
      if (!code) return callback();
      refused.push(address.address);
      return callback(
        Object.assign(new Error(code >= 500 ? 'mailbox unavailable' : 'try again later'), { responseCode: code }),
      );
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
          acceptedAt: performance.now(),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse,
    refused,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The decoded text of a received message's body (nodemailer sends UTF-8 quoted-printable). */
export function mailText(mail: ReceivedMail): string {
  const body = mail.data
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join('\n\n');
  const unfolded = body.replace(/=\r?\n/g, '');
  return Buffer.from(
    unfolded.replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}
