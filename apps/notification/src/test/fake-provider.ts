import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';

/** What the fake answers to one request: taken, try later (503), never (400), or taken but slowly. */
export type Behaviour = 'success' | 'temporary' | 'permanent' | { slowMs: number };

export interface ProviderRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  json: Record<string, unknown>;
}

export interface FakeProvider {
  url: string;
  requests: ProviderRequest[];
  /** Answers for requests to `address` (SMS `to`, Zalo `phone`, or any for webhooks), in order; then success. */
  script(address: string, behaviours: Behaviour[]): void;
  /** Every request is answered so from now on, whatever the script says. */
  always(behaviour: Behaviour | null): void;
  close(): Promise<void>;
}

type Dialect = 'sms' | 'zalo' | 'webhook';

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * A small local HTTP provider speaking the SMS gateway, Zalo ZNS or webhook receiver dialect, whose
 * answers a test scripts per address: the real HTTP path of the adapters, without the real vendor.
 */
export async function startFakeProvider(dialect: Dialect): Promise<FakeProvider> {
  const requests: ProviderRequest[] = [];
  const scripts = new Map<string, Behaviour[]>();
  let forced: Behaviour | null = null;
  const server: Server = createServer((request, response) => {
    void readBody(request).then(async (body) => {
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(body) as Record<string, unknown>;
      } catch {
        // Kept as text in `body`.
      }
      requests.push({ path: request.url ?? '', headers: request.headers, body, json });
      const address = String(json['to'] ?? json['phone'] ?? '*');
      const behaviour = forced ?? scripts.get(address)?.shift() ?? scripts.get('*')?.shift() ?? 'success';
      if (typeof behaviour === 'object') await new Promise((resolve) => setTimeout(resolve, behaviour.slowMs));
      const reference = `${dialect}-${randomBytes(6).toString('hex')}`;
      if (behaviour === 'temporary') return reply(response, 503, { error: 'busy, try later' });
      if (behaviour === 'permanent') {
        return dialect === 'zalo'
          ? reply(response, 200, { error: -108, message: 'Phone number is invalid' })
          : reply(response, 400, { error: 'invalid recipient' });
      }
      if (dialect === 'zalo')
        return reply(response, 200, { error: 0, message: 'Success', data: { msg_id: reference } });
      return reply(response, dialect === 'sms' ? 202 : 200, { id: reference });
    });
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (address, behaviours) => scripts.set(address, [...behaviours]),
    always: (behaviour) => (forced = behaviour),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function reply(response: import('node:http').ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
