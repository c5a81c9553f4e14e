import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { webhookOutcome } from '../channels/webhook.adapter';
import { postWebhook, ResolvedAddress } from './webhook-client';
import { DestinationPolicy } from './webhook-destination';

interface Receiver {
  port: number;
  requests: { host: string | undefined; path: string | undefined }[];
  close(): Promise<void>;
}

/** A receiver on loopback whose answer the test chooses. */
async function startReceiver(answer: (request: IncomingMessage, response: ServerResponse) => void): Promise<Receiver> {
  const requests: Receiver['requests'] = [];
  const server: Server = createServer((request, response) => {
    requests.push({ host: request.headers.host, path: request.url });
    request.resume();
    request.on('end', () => answer(request, response));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const development: DestinationPolicy = { allowHttp: true, allowPrivate: true };
const production: DestinationPolicy = { allowHttp: true, allowPrivate: false };

/** A resolver that answers from a table, counting the questions: DNS as an attacker would run it. */
function resolverOf(table: Record<string, ResolvedAddress[] | ResolvedAddress[][]>) {
  const asked: string[] = [];
  return {
    asked,
    async resolve(hostname: string): Promise<ResolvedAddress[]> {
      asked.push(hostname);
      const entry = table[hostname];
      if (!entry) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
      // A list of answers: one per question, as a rebinding DNS server gives them.
      return Array.isArray(entry[0])
        ? (entry as ResolvedAddress[][])[
            Math.min(asked.filter((name) => name === hostname).length - 1, entry.length - 1)
          ]
        : (entry as ResolvedAddress[]);
    },
  };
}

const v4 = (address: string): ResolvedAddress => ({ address, family: 4 });
const post = (url: string, policy: DestinationPolicy, resolver: ReturnType<typeof resolverOf>, timeoutMs = 2_000) =>
  postWebhook(url, '{"kind":"dossier-received"}', { 'x-onestop-delivery': 'd-1' }, { timeoutMs, policy, resolver });

describe('webhook delivery: where it connects and what it keeps', () => {
  let receiver: Receiver;
  let redirectTarget: Receiver;
  let answer: (request: IncomingMessage, response: ServerResponse) => void;

  beforeAll(async () => {
    redirectTarget = await startReceiver((_request, response) => response.end('followed'));
    receiver = await startReceiver((request, response) => answer(request, response));
  });

  afterAll(async () => {
    await Promise.all([receiver.close(), redirectTarget.close()]);
  });

  beforeEach(() => {
    receiver.requests.length = 0;
    redirectTarget.requests.length = 0;
    answer = (_request, response) => response.end('ok');
  });

  it('resolves the host once and connects to the address it checked, the Host header unchanged', async () => {
    // No DNS knows this name: the request can only arrive through the pinned, checked address.
    const resolver = resolverOf({ 'receiver.hue.example': [v4('127.0.0.1')] });
    expect(await post(`http://receiver.hue.example:${receiver.port}/hooks?x=1`, development, resolver)).toEqual({
      status: 200,
    });
    expect(resolver.asked).toEqual(['receiver.hue.example']);
    expect(receiver.requests).toEqual([{ host: `receiver.hue.example:${receiver.port}`, path: '/hooks?x=1' }]);
  });

  it('refuses at delivery a host that resolves to loopback, though its name was acceptable, connecting nowhere', async () => {
    const resolver = resolverOf({ 'hooks.phuxuan.example': [v4('127.0.0.1')] });
    const answerOf = await post(`http://hooks.phuxuan.example:${receiver.port}/hooks`, production, resolver);
    expect(answerOf).toEqual({ refused: 'the host resolves to a loopback address' });
    expect(webhookOutcome(answerOf)).toEqual({
      kind: 'permanent-failure',
      provider: 'webhook',
      reason: 'destination refused: the host resolves to a loopback address',
    });
    expect(receiver.requests).toEqual([]);
  });

  it('checks every address a name resolves to, not only the first', async () => {
    const resolver = resolverOf({
      'mixed.hue.example': [v4('93.184.216.34'), v4('169.254.169.254')],
      'six.hue.example': [{ address: '::ffff:127.0.0.1', family: 6 }],
    });
    expect(await post('http://mixed.hue.example/hooks', production, resolver)).toEqual({
      refused: 'the host resolves to a link-local address',
    });
    expect(await post('http://six.hue.example/hooks', production, resolver)).toEqual({
      refused: 'the host resolves to a loopback address',
    });
  });

  it('asks DNS once per attempt, so a rebinding answer is checked before it is used', async () => {
    // Two answers for one name, as a rebinding DNS server gives them: each attempt resolves once
    // and judges the very address it would connect to (the first test shows the socket uses it).
    const resolver = resolverOf({ 'rebind.hue.example': [[v4('127.0.0.1')], [v4('10.0.0.7')]] });
    expect(
      await post(`http://rebind.hue.example:${receiver.port}/a`, { allowHttp: true, allowPrivate: false }, resolver),
    ).toEqual({ refused: 'the host resolves to a loopback address' });
    expect(
      await post(`http://rebind.hue.example:${receiver.port}/a`, { allowHttp: true, allowPrivate: false }, resolver),
    ).toEqual({ refused: 'the host resolves to a private address' });
    expect(resolver.asked).toEqual(['rebind.hue.example', 'rebind.hue.example']);
    expect(receiver.requests).toEqual([]);
  });

  it('checks the URL again at delivery: a row stored before the checks goes nowhere', async () => {
    const resolver = resolverOf({});
    for (const url of [
      'http://169.254.169.254/latest/meta-data/',
      `http://0x7f000001:${receiver.port}/`,
      `http://user:pw@127.0.0.1:${receiver.port}/`,
      'http://metadata.google.internal/',
    ]) {
      expect([url, await post(url, production, resolver)]).toEqual([
        url,
        { refused: expect.stringMatching(/^the URL must not/) },
      ]);
    }
    expect(resolver.asked).toEqual([]);
    expect(receiver.requests).toEqual([]);
  });

  it('does not follow a redirect: the 3xx is the answer, a failure for good', async () => {
    answer = (_request, response) => {
      response.writeHead(302, { location: `http://127.0.0.1:${redirectTarget.port}/internal` });
      response.end('moved');
    };
    const answerOf = await post(`http://127.0.0.1:${receiver.port}/hooks`, development, resolverOf({}));
    expect(answerOf).toEqual({ status: 302 });
    expect(webhookOutcome(answerOf)).toEqual({ kind: 'permanent-failure', provider: 'webhook', reason: 'HTTP 302' });
    expect(redirectTarget.requests).toEqual([]);
  });

  it("keeps the status and never the receiver's body", async () => {
    const secret = 'redis_version:7.0.15 root:x:0:0 Traceback (most recent call last)';
    for (const [status, kind] of [
      [500, 'temporary-failure'],
      [503, 'temporary-failure'],
      [429, 'temporary-failure'],
      [400, 'permanent-failure'],
      [404, 'permanent-failure'],
    ] as const) {
      answer = (_request, response) => {
        response.writeHead(status, { 'content-type': 'text/plain' });
        response.end(secret);
      };
      const outcome = webhookOutcome(
        await post(`http://127.0.0.1:${receiver.port}/hooks`, development, resolverOf({})),
      );
      expect(outcome).toEqual({ kind, provider: 'webhook', reason: `HTTP ${status}` });
    }
  });

  it('says in its own words when nobody answers', async () => {
    answer = () => undefined; // never answers
    expect(await post(`http://127.0.0.1:${receiver.port}/slow`, development, resolverOf({}), 300)).toEqual({
      unreachable: 'no answer within 300 ms',
    });
    expect(await post('http://127.0.0.1:9/closed', development, resolverOf({}))).toEqual({
      unreachable: 'connection refused',
    });
    expect(await post('http://nowhere.hue.example/hooks', production, resolverOf({}))).toEqual({
      unreachable: 'host not found',
    });
  });
});
