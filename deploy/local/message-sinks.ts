import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo, Server as NetServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { SMTPServer } from 'smtp-server';

/** One message the platform sent, as the person it was for would read it. */
export interface SunkMessage {
  channel: 'email' | 'sms' | 'zalo';
  to: string;
  /** The e-mail's subject, or the Zalo template's id. */
  subject: string;
  text: string;
  receivedAt: string;
}

export interface MessageSinks {
  /** SMTP_URL for notification. */
  smtpUrl: string;
  /** The page that shows the messages, and the SMS gateway and Zalo endpoints under it. */
  pageUrl: string;
  smsGatewayUrl: string;
  zaloApiUrl: string;
  messages: SunkMessage[];
  close(): Promise<void>;
}

/** Keeps the page short: a local stack that runs for days would otherwise grow without end. */
const KEPT = 500;

/**
 * Where notices go on a developer's machine: an SMTP server, an SMS gateway and a Zalo ZNS endpoint
 * on loopback, speaking the protocols notification's adapters speak, and one page that shows what
 * each citizen or officer would have received, newest first. Nothing leaves the machine.
 */
export async function startMessageSinks(ports: { smtp: number; http: number }): Promise<MessageSinks> {
  const messages: SunkMessage[] = [];
  const keep = (message: Omit<SunkMessage, 'receivedAt'>) => {
    messages.unshift({ ...message, receivedAt: new Date().toISOString() });
    messages.splice(KEPT);
  };
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mail = readMail(Buffer.concat(chunks).toString('utf8'));
        for (const recipient of session.envelope.rcptTo) keep({ channel: 'email', to: recipient.address, ...mail });
        callback();
      });
    },
  });
  const http = createServer((request, response) => void answer(request, response, keep, messages));
  await Promise.all([listen(smtp.server, ports.smtp), listen(http, ports.http)]);
  const pageUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return {
    smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    pageUrl,
    smsGatewayUrl: `${pageUrl}/sms`,
    zaloApiUrl: `${pageUrl}/zalo`,
    messages,
    close: async () => {
      http.closeAllConnections();
      await Promise.all([
        new Promise((resolve) => http.close(resolve)),
        new Promise((resolve) => smtp.close(() => resolve(null))),
      ]);
    },
  };
}

/**
 * Notification's settings that send to the sinks: e-mail over SMTP, SMS to the gateway, Zalo ZNS
 * with a template id per notice kind, so each notice can be read on the sinks' page.
 */
export function notificationChannelsFor(sinks: MessageSinks, kinds: readonly string[]): Record<string, string> {
  return {
    SMTP_URL: sinks.smtpUrl,
    SMS_PROVIDERS: JSON.stringify([
      { name: 'local', url: sinks.smsGatewayUrl, apiKey: 'local', weight: 1, brandname: 'ONESTOP' },
    ]),
    ZALO_API_URL: sinks.zaloApiUrl,
    ZALO_ACCESS_TOKEN: 'local',
    ZALO_TEMPLATES: JSON.stringify(Object.fromEntries(kinds.map((kind) => [kind, `local-${kind}`]))),
  };
}

function listen(server: NetServer, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

async function answer(
  request: IncomingMessage,
  response: ServerResponse,
  keep: (message: Omit<SunkMessage, 'receivedAt'>) => void,
  messages: SunkMessage[],
): Promise<void> {
  const path = (request.url ?? '/').split('?')[0];
  if (request.method === 'GET' && path === '/') return send(response, 200, 'text/html; charset=utf-8', page(messages));
  if (request.method === 'GET' && path === '/messages')
    return send(response, 200, 'application/json', JSON.stringify(messages));
  if (request.method !== 'POST') return send(response, 404, 'application/json', '{"error":"not found"}');
  const body = await readJson(request);
  // The SMS gateway's API (POST /messages) and Zalo ZNS's (POST /message/template), as the adapters call them.
  if (path === '/sms/messages' && typeof body['to'] === 'string') {
    keep({ channel: 'sms', to: body['to'], subject: '', text: String(body['text'] ?? '') });
    return send(response, 202, 'application/json', JSON.stringify({ id: `sms-${randomBytes(6).toString('hex')}` }));
  }
  if (path === '/zalo/message/template' && typeof body['phone'] === 'string') {
    const values = Object.entries((body['template_data'] ?? {}) as Record<string, unknown>).map(
      ([name, value]) => `${name}: ${String(value)}`,
    );
    keep({ channel: 'zalo', to: body['phone'], subject: String(body['template_id'] ?? ''), text: values.join('\n') });
    return send(
      response,
      200,
      'application/json',
      JSON.stringify({ error: 0, message: 'Success', data: { msg_id: `zalo-${randomBytes(6).toString('hex')}` } }),
    );
  }
  return send(response, 400, 'application/json', '{"error":"not a request this sink understands"}');
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
  });
  response.end(body);
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The subject and the plain text of a message as nodemailer writes it (UTF-8, quoted-printable or base64). */
export function readMail(raw: string): { subject: string; text: string } {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]+/g, ' ');
  const subject = decodeWords(/^subject: (.*)$/im.exec(headers)?.[1] ?? '');
  const encoding = /^content-transfer-encoding: (.*)$/im.exec(headers)?.[1]?.trim().toLowerCase();
  return { subject, text: decodeBody(rest.join('\n\n'), encoding) };
}

function decodeBody(body: string, encoding: string | undefined): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return quotedPrintable(body.replace(/=\r?\n/g, ''));
  return body;
}

function quotedPrintable(text: string): string {
  return Buffer.from(
    text.replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= and =?UTF-8?B?…?=), as nodemailer writes a Vietnamese subject. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_m, kind: string, word: string) =>
      kind.toLowerCase() === 'b'
        ? Buffer.from(word, 'base64').toString('utf8')
        : quotedPrintable(word.replace(/_/g, ' ')),
    );
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const CHANNEL_NAMES: Record<SunkMessage['channel'], string> = {
  email: 'Thư điện tử / E-mail',
  sms: 'Tin nhắn SMS',
  zalo: 'Zalo',
};

function page(messages: SunkMessage[]): string {
  const items = messages
    .map(
      (m) =>
        `<article><header><strong>${CHANNEL_NAMES[m.channel]}</strong> → ${escape(m.to)} <time>${escape(m.receivedAt)}</time></header>` +
        (m.subject ? `<h2>${escape(m.subject)}</h2>` : '') +
        `<pre>${escape(m.text)}</pre></article>`,
    )
    .join('\n');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>OneStop: tin đã gửi (máy cục bộ)</title>
<style>body{font-family:system-ui,sans-serif;margin:1rem auto;max-width:60rem;padding:0 1rem;color:#1f1f1f}article{border:1px solid #d9d9d9;border-radius:6px;margin:.75rem 0;padding:.5rem .75rem}
header{color:#595959;font-size:.9rem}h2{font-size:1.05rem;margin:.4rem 0}pre{white-space:pre-wrap;font-family:inherit;margin:.25rem 0}</style></head>
<body><h1>Tin đã gửi từ OneStop</h1><p>Thư, SMS và Zalo mà nền tảng gửi trên máy này (không gửi ra ngoài). Trang tự làm mới mỗi 5 giây.</p>
${items || '<p>Chưa có tin nào.</p>'}</body></html>`;
}
