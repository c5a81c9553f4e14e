/**
 * The nginx configuration that serves the web application and the six services' APIs on one
 * origin. One function writes it for the three places it runs: the local stack (deploy/local/
 * web-server.ts), the compose stack and the web image (deploy/web/, generated from here), so
 * their routes and headers cannot drift apart. Node built-ins only, like the rest of deploy/local.
 */

/** What the web application reads from /config.json when it starts. */
export interface WebRuntimeConfig {
  oidc: {
    /** The OpenID provider's issuer, e.g. http://127.0.0.1:8180/realms/onestop. */
    authority: string;
    clientId: string;
  };
  /** The public status look-up page that receipts and messages point citizens to. */
  publicLookupUrl: string;
  /** The province the citizens' pages offer the service points of (two digits, e.g. 46 for Huế). */
  provinceCode: string;
}

/** Where and how one nginx serves the application. */
export interface WebSite {
  /** nginx's `listen`: '127.0.0.1:3000' locally, '8080' in a container. */
  listen: string;
  /** The built application: index.html and assets/. */
  root: string;
  /** The file served as /config.json. */
  runtimeConfigFile: string;
  /** The OpenID provider's origin the page may talk to (CSP), or a placeholder filled at start. */
  authorityOrigin: string;
  /**
   * Each service's base URL, proxied at /api/<service>/. Absent where an Ingress routes /api/
   * to the services itself (Kubernetes).
   */
  services?: Record<string, string>;
  /** Folder of the pid file and nginx's temporary files. */
  runDir: string;
  errorLog: string;
  accessLog: string;
  mimeTypesFile: string;
  workerProcesses: number;
  /** Set when the master runs as root: its workers then run as this user instead of nobody. */
  user?: string;
}

/**
 * The largest request body each service accepts: digital-signature reads PDFs as base64 JSON up
 * to 30 MB (its largeBodies in apps/digital-signature/src/service.ts); the others read only
 * 64 kB of JSON. The proxy refuses a little above that, so the services answer the bodies near
 * their limit themselves with their own problem details.
 */
export const API_BODY_LIMITS: Record<string, string> = { 'digital-signature': '32m' };
export const DEFAULT_API_BODY_LIMIT = '1m';
/** Signing and verifying a 30 MB PDF takes longer than any other answer. */
export const API_READ_TIMEOUTS: Record<string, string> = { 'digital-signature': '180s' };
export const DEFAULT_API_READ_TIMEOUT = '60s';

/** Internal prefix of the unbuffered copies of the API locations that carry event streams. */
const EVENT_STREAM_PREFIX = '/event-stream';

export function authorityOriginOf(config: WebRuntimeConfig): string {
  const url = new URL(config.oidc.authority);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`the OIDC authority must be an http(s) URL, not '${config.oidc.authority}'`);
  return url.origin;
}

/**
 * The application's pages: its own scripts only. style-src allows inline styles because Ant
 * Design writes its CSS-in-JS as <style> elements at run time; scripts stay 'self' only. The
 * OpenID provider is reached by fetch (discovery, tokens), in an iframe (silent renewal) and by
 * the sign-in form's redirect.
 */
export function contentSecurityPolicy(authorityOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${authorityOrigin}`,
    `frame-src ${authorityOrigin}`,
    `form-action 'self' ${authorityOrigin}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** The headers of everything the web server answers itself; the APIs keep the services' own. */
export function pageHeaders(authorityOrigin: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(authorityOrigin),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  };
}

export function webServerConfig(site: WebSite): string {
  const headers = Object.entries(pageHeaders(site.authorityOrigin)).map(
    ([name, value]) => `add_header ${name} "${value}" always;`,
  );
  // add_header is inherited only by locations that set none themselves: each location repeats them.
  const withPageHeaders = (...lines: string[]) => [...lines, ...headers];
  const services = Object.entries(site.services ?? {});
  return [
    `# Written by deploy/local/web-server-config.ts: change it there.`,
    ...(site.user ? [`user ${site.user};`] : []),
    `worker_processes ${site.workerProcesses};`,
    'daemon off;',
    `pid ${site.runDir}/nginx.pid;`,
    `error_log ${site.errorLog} warn;`,
    '',
    block('events', ['worker_connections 1024;']),
    '',
    block('http', [
      `include ${site.mimeTypesFile};`,
      'default_type application/octet-stream;',
      `access_log ${site.accessLog};`,
      'server_tokens off;',
      'sendfile on;',
      'tcp_nopush on;',
      'keepalive_timeout 65s;',
      'client_header_timeout 30s;',
      'client_body_timeout 60s;',
      'send_timeout 60s;',
      // Every temporary path in the run folder: the defaults are nginx's own, unwritable to a user or a read-only image.
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
        (kind) => `${kind}_temp_path ${site.runDir}/${kind}-temp;`,
      ),
      '',
      'gzip on;',
      'gzip_vary on;',
      'gzip_proxied any;',
      'gzip_min_length 1024;',
      'gzip_types text/css application/javascript text/javascript application/json application/problem+json image/svg+xml;',
      '',
      block('server', [
        `listen ${site.listen};`,
        `root ${site.root};`,
        '',
        "# The services see who asked, and how, as they would behind the cluster's ingress.",
        'proxy_http_version 1.1;',
        'proxy_set_header Connection "";',
        'proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;',
        'proxy_set_header X-Forwarded-Proto $scheme;',
        'proxy_set_header X-Forwarded-Host $host;',
        'proxy_connect_timeout 5s;',
        'proxy_send_timeout 60s;',
        '',
        ...(services.length
          ? [
              '# Event streams go through unbuffered copies of the API locations: each event reaches the page at once.',
              block('if ($http_accept ~* "text/event-stream")', [`rewrite ^(/api/.*)$ ${EVENT_STREAM_PREFIX}$1 last;`]),
              '',
            ]
          : []),
        "# Client-side routes are the application's: every path that is no file gets index.html.",
        block(
          'location /',
          withPageHeaders('try_files $uri /index.html;', 'charset utf-8;', 'add_header Cache-Control "no-cache";'),
        ),
        block('location = /index.html', withPageHeaders('charset utf-8;', 'add_header Cache-Control "no-cache";')),
        '# Hashed names: a changed file is a new name, so a browser keeps each one for good.',
        block(
          'location /assets/',
          withPageHeaders(
            'try_files $uri =404;',
            'charset utf-8;',
            'add_header Cache-Control "public, max-age=31536000, immutable";',
          ),
        ),
        block(
          'location = /config.json',
          withPageHeaders(`alias ${site.runtimeConfigFile};`, 'add_header Cache-Control "no-store" always;'),
        ),
        '',
        ...services.flatMap(([service, baseUrl]) => apiLocations(service, baseUrl)),
        "# No service under this name: an API answer, not the application's page.",
        block('location /api/', [
          'default_type application/problem+json;',
          `return 404 '${problem(404, 'Not Found', 'no service answers at this address')}';`,
        ]),
      ]),
    ]),
    '',
  ].join('\n');
}

/** /api/<service>/… to <base URL>/api/…, the service's headers and bodies untouched. */
function apiLocations(service: string, baseUrl: string): string[] {
  const upstream = `${baseUrl.replace(/\/+$/, '')}/api/`;
  const bodyLimit = API_BODY_LIMITS[service] ?? DEFAULT_API_BODY_LIMIT;
  const readTimeout = API_READ_TIMEOUTS[service] ?? DEFAULT_API_READ_TIMEOUT;
  const tooLarge = `@${service}-body-too-large`;
  const unavailable = `@${service}-unavailable`;
  // nginx's own refusals as problem details, as the services answer; the services' own errors pass unchanged.
  const errorPages = [`error_page 413 ${tooLarge};`, `error_page 502 504 =503 ${unavailable};`];
  return [
    block(`location /api/${service}/`, [
      `client_max_body_size ${bodyLimit};`,
      `proxy_read_timeout ${readTimeout};`,
      ...errorPages,
      `proxy_pass ${upstream};`,
    ]),
    block(`location ${EVENT_STREAM_PREFIX}/api/${service}/`, [
      'internal;',
      'proxy_buffering off;',
      'proxy_cache off;',
      'proxy_read_timeout 1h;',
      ...errorPages,
      `proxy_pass ${upstream};`,
    ]),
    block(`location ${tooLarge}`, [
      'default_type application/problem+json;',
      `return 413 '${problem(413, 'Payload Too Large', `${service} accepts request bodies up to ${bodyLimit}B`)}';`,
    ]),
    block(`location ${unavailable}`, [
      'default_type application/problem+json;',
      'add_header Retry-After 5 always;',
      `return 503 '${problem(503, 'Service Unavailable', `${service} does not answer; try again shortly`)}';`,
    ]),
    '',
  ];
}

/** A problem details body (RFC 9457) with the services' type URIs (libs/platform problemType). */
function problem(status: number, title: string, detail: string): string {
  const slugs: Record<number, string> = { 404: 'not-found', 413: 'payload-too-large', 503: 'unavailable' };
  return JSON.stringify({ type: `https://onestop.gov.vn/problems/${slugs[status]}`, title, status, detail });
}

function block(head: string, lines: string[]): string {
  const body = lines.map((line) => (line === '' ? '' : line.replace(/^/gm, '    ')));
  return [`${head} {`, ...body, '}'].join('\n');
}
