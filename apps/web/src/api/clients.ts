import createClient, { Client, Middleware } from 'openapi-fetch';
import type { paths as DigitalSignaturePaths } from './generated/digital-signature';
import type { paths as IntakePaths } from './generated/intake';
import type { paths as NotificationPaths } from './generated/notification';
import type { paths as ReportingPaths } from './generated/reporting';
import type { paths as RoutingPaths } from './generated/routing';
import type { paths as TaskMonitoringPaths } from './generated/task-monitoring';
import { problemFrom } from './problem';

type TokenSource = () => Promise<string | null>;
let tokenSource: TokenSource = async () => null;

/** The signed-in session gives the clients its token; each call asks for it anew, so a renewed token is used at once. */
export function useTokensFrom(source: TokenSource): void {
  tokenSource = source;
}

/**
 * The browser reaches every service on this origin under /api/<service>/ (the web server passes
 * it on as /api/ to that service), while each document names its operations /api/v1/...
 */
function throughTheWebServer(service: string): Middleware {
  return {
    async onRequest({ request }) {
      const url = new URL(request.url);
      url.pathname = url.pathname.replace(/^\/api\//, `/api/${service}/`);
      const token = await tokenSource();
      // The body is read, not passed as the request's stream: browsers send a streamed body only over HTTP/2.
      const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
      const routed = new Request(url, {
        method: request.method,
        headers: request.headers,
        body,
        signal: request.signal,
      });
      if (token) routed.headers.set('authorization', `Bearer ${token}`);
      return routed;
    },
  };
}

function clientOf<Paths extends object>(service: string): Client<Paths> {
  const client = createClient<Paths>({ baseUrl: window.location.origin });
  client.use(throughTheWebServer(service));
  return client;
}

export const api = {
  intake: clientOf<IntakePaths>('intake'),
  routing: clientOf<RoutingPaths>('routing'),
  signature: clientOf<DigitalSignaturePaths>('digital-signature'),
  notification: clientOf<NotificationPaths>('notification'),
  reporting: clientOf<ReportingPaths>('reporting'),
  taskMonitoring: clientOf<TaskMonitoringPaths>('task-monitoring'),
};

/**
 * The data of a successful answer, or an ApiProblem thrown for a failed one: the screens' queries
 * and mutations deal in values and errors, never in openapi-fetch's result objects.
 */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw problemFrom(response, error);
  return data as T;
}

/** A binary answer (a signed PDF) fetched with the session's token through the web server. */
export async function download(service: string, path: string): Promise<Blob> {
  const token = await tokenSource();
  const response = await fetch(`/api/${service}/${path.replace(/^\/api\//, '')}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  if (!response.ok) throw problemFrom(response, await response.json().catch(() => null));
  return response.blob();
}

/** A file sent as the request's body (a PDF to verify), its JSON answer returned, or an ApiProblem thrown. */
export async function postFile<T>(service: string, path: string, file: Blob, contentType: string): Promise<T> {
  const token = await tokenSource();
  const headers: Record<string, string> = {
    'content-type': contentType,
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  };
  const response = await fetch(`/api/${service}/${path.replace(/^\/api\//, '')}`, {
    method: 'POST',
    headers,
    body: file,
  });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) throw problemFrom(response, body);
  return body as T;
}
