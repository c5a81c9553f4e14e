import { SERVICE_NAMES, ServiceName } from '@onestop/contracts';
import { PlatformEnv } from '@onestop/platform';
import { ServiceUnderTest, startServiceWithDatabase, tokenFor } from '@onestop/testing';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { BadInputCase, badInputCases, HTTP_METHODS, OpenApiDocument } from './openapi/bad-inputs';
import { ROOT } from './run';
import { SERVICES } from './services';

interface Answer {
  service: ServiceName;
  operation: string;
  what: string;
  caller: string;
  status: number;
  contentType: string;
}

/** Sends the requests a few at a time: enough to be quick, few enough to leave the services their CPU. */
async function inBatches<T, R>(items: T[], size: number, send: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size)
    results.push(...(await Promise.all(items.slice(start, start + size).map(send))));
  return results;
}

/**
 * The HTTP edge of the six services as they run: every operation of every service's OpenAPI document, sent generated bad input (wrong types,
 * NUL, deep nesting, huge strings, bad encodings, impossible dates and cursors, path tricks),
 * without a token and with the token of each kind of caller. No answer may be a 5xx, and every
 * refusal is problem+json. New operations are walked as soon as they are documented.
 */
describe('the HTTP edge of every service', () => {
  const running = new Map<ServiceName, ServiceUnderTest<PlatformEnv>>();
  let callers: [name: string, authorization: string | undefined][];

  beforeAll(async () => {
    for (const service of SERVICE_NAMES)
      running.set(service, await startServiceWithDatabase(SERVICES[service].definition, SERVICES[service].schema));
    callers = [
      ['anonymous', undefined],
      ['citizen', `Bearer ${await tokenFor('citizen', undefined, '46', 'citizen-walk')}`],
      ['desk-officer', `Bearer ${await tokenFor('desk-officer', '19753')}`],
      ['specialist', `Bearer ${await tokenFor('specialist', '19753')}`],
      ['unit-leader', `Bearer ${await tokenFor('unit-leader', '19753')}`],
      ['province-admin', `Bearer ${await tokenFor('province-admin', undefined, '46')}`],
    ];
  }, 180_000);

  afterAll(async () => {
    await Promise.all([...running.values()].map((service) => service.close()));
  }, 60_000);

  it.each(SERVICE_NAMES)(
    '%s sends the protective headers and no-store, and does not say what it runs on',
    async (service) => {
      const response = await fetch(`${running.get(service)!.url}/no-such-route`);
      expect(response.status).toBe(404);
      expect(response.headers.get('x-powered-by')).toBeNull();
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('cache-control')).toBe('no-store');
      // HSTS is for production, behind TLS.
      expect(response.headers.get('strict-transport-security')).toBeNull();
    },
  );

  it('serves the OpenAPI page under its CSP: scripts from its own origin only, inline styles allowed', async () => {
    const response = await fetch(`${running.get('intake')!.url}/docs`);
    const html = await response.text();
    const policy = response.headers.get('content-security-policy')!;
    expect(policy).toContain("script-src 'self'");
    expect(html).toMatch(/<script src="[^"]*swagger-ui-init\.js">/);
    expect(html).not.toMatch(/<script>[^<]/);
    expect((await fetch(`${running.get('intake')!.url}/docs/swagger-ui-init.js`)).status).toBe(200);
  });

  it('allows no cross-origin caller when no origin is configured', async () => {
    const preflight = await fetch(`${running.get('intake')!.url}/api/v1/procedures`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('checks the token before reading a large body: an anonymous 30 MB upload is refused after its first kilobyte', async () => {
    const { url } = running.get('digital-signature')!;
    const answer = await new Promise<{ status: number; sentBytes: number }>((resolve, reject) => {
      const outgoing = httpRequest(`${url}/api/v1/signatures`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': String(30_000_000) },
      });
      outgoing.on('response', (response) => {
        response.resume();
        resolve({ status: response.statusCode!, sentBytes: outgoing.socket?.bytesWritten ?? 0 });
        outgoing.destroy();
      });
      outgoing.on('error', reject);
      outgoing.write(`{"document":"${'A'.repeat(1_000)}`);
    });
    expect(answer.status).toBe(401);
    expect(answer.sentBytes).toBeLessThan(10_000);
  });

  /** A dossier action at routing as a specialist, with the body and extra headers given. */
  function postAction(body: string, headers: Record<string, string> = {}): Promise<Response> {
    const authorization = callers.find(([name]) => name === 'specialist')![1]!;
    return fetch(`${running.get('routing')!.url}/api/v1/dossiers/0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b/actions`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json', ...headers },
      body,
    });
  }

  it('answers a small-JSON route a body over its limit with 413 before reading it, and a compressed body with 415', async () => {
    const big = await postAction(JSON.stringify({ reason: 'x'.repeat(100_000) }));
    expect(big.status).toBe(413);
    expect(big.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await postAction('not gzip', { 'content-encoding': 'gzip' })).status).toBe(415);
  });

  it('names the field holding a NUL character, in the body or the path', async () => {
    const nul = await postAction(JSON.stringify({ version: 1, action: 'stop', reason: 'Thiếu hồ sơ\u0000' }));
    expect(nul.status).toBe(400);
    expect(((await nul.json()) as { errors: unknown }).errors).toEqual([
      { field: 'reason', code: 'containsNul', message: 'must not contain a NUL character' },
    ]);
    const lookup = await fetch(`${running.get('intake')!.url}/api/v1/dossiers/19753-261130-0001%00/status?phone=1234`);
    expect(lookup.status).toBe(400);
    expect(((await lookup.json()) as { errors: unknown }).errors).toEqual([
      { field: 'path', code: 'containsNul', message: 'must not contain a NUL character' },
    ]);
  });

  it('answers every case with a 4xx problem+json or a success, never a 5xx', async () => {
    const answers: Answer[] = [];
    let operations = 0;
    for (const [service, { url }] of running) {
      const document = (await (await fetch(`${url}/docs-json`)).json()) as OpenApiDocument;
      for (const [path, item] of Object.entries(document.paths)) {
        for (const method of HTTP_METHODS) {
          const operation = item[method];
          if (!operation || path.startsWith('/health') || path === '/metrics') continue;
          operations += 1;
          const cases = badInputCases(document, path, method, operation).flatMap((badCase) =>
            callers.map((caller) => ({ badCase, caller })),
          );
          answers.push(
            ...(await inBatches(cases, 8, ({ badCase, caller }) =>
              send(url, method, badCase, caller[1]).then((answer) => ({
                ...answer,
                service,
                operation: `${method.toUpperCase()} ${path}`,
                what: badCase.what,
                caller: caller[0],
              })),
            )),
          );
        }
      }
    }

    mkdirSync(join(ROOT, 'reports'), { recursive: true });
    const faults = answers.filter(
      (answer) =>
        answer.status >= 500 || (answer.status >= 400 && !answer.contentType.startsWith('application/problem+json')),
    );
    writeFileSync(
      join(ROOT, 'reports', 'openapi-bad-inputs.json'),
      JSON.stringify({ operations, cases: answers.length, faults }, null, 2),
    );
    expect(operations).toBeGreaterThanOrEqual(60);
    expect(answers.length).toBeGreaterThan(10_000);
    expect(
      faults.map(
        ({ service, operation, what, caller, status }) => `${status} ${service} ${operation} [${caller}] ${what}`,
      ),
    ).toEqual([]);
  }, 900_000);
});

async function send(
  base: string,
  method: string,
  badCase: BadInputCase,
  authorization: string | undefined,
): Promise<{ status: number; contentType: string }> {
  const headers: Record<string, string> = { ...badCase.headers, ...(authorization ? { authorization } : {}) };
  const response = await fetch(`${base}${badCase.path}${badCase.query ? `?${badCase.query}` : ''}`, {
    method: method.toUpperCase(),
    headers,
    body: badCase.body,
    redirect: 'manual',
  });
  await response.arrayBuffer();
  return { status: response.status, contentType: response.headers.get('content-type') ?? '' };
}
