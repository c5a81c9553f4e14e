import { startWebServer, StartedWebServer, stopWebServer, WebRuntimeConfig } from '@onestop/local-stack';
import { PlatformEnv } from '@onestop/platform';
import { ServiceUnderTest, startServiceWithDatabase } from '@onestop/testing';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVICES } from './services';

// 19893 is the controller port of the tests' broker on 19892.
const WEB_PORT = 19895;
const EVENT_SOURCE_PORT = 19896;
const INDEX_HTML =
  '<!doctype html><html><head><script type="module" src="/assets/app-abc123.js"></script></head><body><div id="root"></div></body></html>\n';
const RUNTIME_CONFIG: WebRuntimeConfig = {
  oidc: { authority: 'http://127.0.0.1:8180/realms/onestop', clientId: 'onestop-web' },
  publicLookupUrl: 'http://127.0.0.1:3000/tra-cuu',
  provinceCode: '46',
};

/**
 * An upstream that sends one event, then a second only when the test says so: through a buffering
 * proxy the first would arrive together with the second, never before.
 */
function eventSource(): { server: Server; seen: IncomingHttpHeaders[]; paths: string[]; sendSecond: () => void } {
  const seen: IncomingHttpHeaders[] = [];
  const paths: string[] = [];
  let sendSecond = () => undefined as void;
  const server = createServer((request, response) => {
    seen.push(request.headers);
    paths.push(request.url ?? '');
    response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' });
    response.write('data: first\n\n');
    sendSecond = () => response.end('data: second\n\n');
  });
  return { server, seen, paths, sendSecond: () => sendSecond() };
}

/** The web application and the APIs on one origin, through the local nginx as `npm run up` starts it. */
describe('the local web server', () => {
  let root: string;
  let intake: ServiceUnderTest<PlatformEnv>;
  let web: StartedWebServer;
  const events = eventSource();

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'onestop-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), INDEX_HTML);
    writeFileSync(
      join(root, 'assets', 'app-abc123.js'),
      `export const greeting = ${JSON.stringify('Xin chào '.repeat(400))};\n`,
    );
    intake = await startServiceWithDatabase(SERVICES.intake.definition, SERVICES.intake.schema);
    await new Promise<void>((resolve) => events.server.listen(EVENT_SOURCE_PORT, '127.0.0.1', resolve));
    web = await startWebServer({
      name: 'e2e',
      port: WEB_PORT,
      root,
      services: { intake: intake.url, notification: `http://127.0.0.1:${EVENT_SOURCE_PORT}` },
      runtimeConfig: RUNTIME_CONFIG,
    });
  }, 120_000);

  afterAll(async () => {
    await stopWebServer('e2e');
    events.server.closeAllConnections();
    await new Promise((resolve) => events.server.close(resolve));
    await intake?.close();
    rmSync(root, { recursive: true, force: true });
  }, 60_000);

  it('answers /api/intake/… with what intake answers at /api/…', async () => {
    const [proxied, direct] = await Promise.all([
      fetch(`${web.url}/api/intake/v1/procedures`),
      fetch(`${intake.url}/api/v1/procedures`),
    ]);
    expect(proxied.status).toBe(200);
    expect(await proxied.json()).toEqual(await direct.json());
  });

  it("passes a refusal's status and problem details through unchanged, with the service's own headers and not the page's", async () => {
    const path = 'v1/procedures/1.000001?version=first';
    const [proxied, direct] = await Promise.all([
      fetch(`${web.url}/api/intake/${path}`),
      fetch(`${intake.url}/api/${path}`),
    ]);
    expect(proxied.status).toBe(400);
    expect(proxied.headers.get('content-type')).toBe(direct.headers.get('content-type'));
    expect(await proxied.json()).toEqual(await direct.json());
    expect(proxied.headers.get('content-security-policy')).toBe(direct.headers.get('content-security-policy'));
    expect(proxied.headers.get('content-security-policy')).not.toContain(
      "script-src 'self'; style-src 'self' 'unsafe-inline'",
    );
    expect(proxied.headers.get('permissions-policy')).toBeNull();
  });

  it('serves index.html with the strict page policy at a client-side route', async () => {
    const response = await fetch(`${web.url}/dang-ky/abc`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(INDEX_HTML);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self' http://127.0.0.1:8180; frame-src http://127.0.0.1:8180; form-action 'self' http://127.0.0.1:8180; " +
        "frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('permissions-policy')).toBe('camera=(), microphone=(), geolocation=()');
  });

  it('lets browsers keep hashed assets for good, compressed, and answers a missing one with 404 rather than the page', async () => {
    const response = await fetch(`${web.url}/assets/app-abc123.js`, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(await response.text()).toContain('Xin chào');
    expect((await fetch(`${web.url}/assets/app-0000000.js`)).status).toBe(404);
  });

  it('serves the runtime configuration, never cached', async () => {
    const response = await fetch(`${web.url}/config.json`);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual(RUNTIME_CONFIG);
  });

  it('refuses a body larger than the service accepts with 413 problem details', async () => {
    const response = await fetch(`${web.url}/api/intake/v1/dossiers`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ notes: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({
      status: 413,
      type: 'https://onestop.gov.vn/problems/payload-too-large',
    });
  });

  it('answers an address no service serves with 404 problem details, not the application', async () => {
    const response = await fetch(`${web.url}/api/no-such-service/v1/anything`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  });

  it('passes an event stream through event by event, telling the service who asked', async () => {
    const response = await fetch(`${web.url}/api/notification/v1/events?since=1`, {
      headers: { Accept: 'text/event-stream', 'Accept-Encoding': 'gzip' },
    });
    const reader = response.body!.getReader();
    const held = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('the first event was held back')), 5_000),
    );
    const first = await Promise.race([reader.read(), held]);
    expect(new TextDecoder().decode(first.value)).toContain('data: first');
    events.sendSecond();
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      rest += new TextDecoder().decode(chunk.value);
    expect(rest).toContain('data: second');
    expect(events.paths).toEqual(['/api/v1/events?since=1']);
    expect(events.seen[0]).toMatchObject({
      'x-forwarded-for': '127.0.0.1',
      'x-forwarded-proto': 'http',
      'x-forwarded-host': '127.0.0.1',
    });
  });
});
