import { Injectable } from '@nestjs/common';
import { lookup } from 'node:dns/promises';
import { request as httpRequest, IncomingMessage, RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, LookupFunction } from 'node:net';
import { addressProblem, checkWebhookUrl, DestinationPolicy } from './webhook-destination';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/**
 * Host names to addresses, as the operating system resolves them (getaddrinfo: /etc/hosts, then
 * DNS). A class of its own so tests can answer for names no DNS knows.
 */
@Injectable()
export class HostResolver {
  async resolve(hostname: string): Promise<ResolvedAddress[]> {
    return lookup(hostname, { all: true, verbatim: true });
  }
}

/**
 * What became of one POST: the receiver's status (its body is never read), a refusal before any
 * connection (the destination is not allowed), or no answer, with a short reason of our own words.
 */
export type WebhookAnswer = { status: number } | { refused: string } | { unreachable: string };

/** Short reasons for network errors: fixed words, never text that came from the receiver. */
const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ENODATA: 'host not found',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
};

function networkReason(error: unknown, timeoutMs: number): string {
  const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown };
  if (name === 'AbortError' || name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  const known = typeof code === 'string' && /^[A-Z0-9_]{1,60}$/.test(code) ? code : null;
  if (known && NETWORK_REASONS[known]) return NETWORK_REASONS[known];
  if (known && /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|HOSTNAME/.test(known))
    return `TLS handshake failed (${known})`;
  return known ? `network error (${known})` : 'network error';
}

/** A `lookup` for the socket that answers only the address already checked: no second resolution, so no DNS rebinding. */
function pinnedLookup(target: ResolvedAddress): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  }) as unknown as LookupFunction;
}

function withTimeout<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

/**
 * POSTs a webhook without trusting its URL: the URL is checked again as at registration (the
 * policy may have changed, older rows predate the check), the host name is resolved once, every
 * address it resolves to must be allowed, and the socket connects to the first of them through a
 * pinned lookup (TLS still verifies the certificate against the host name). Redirects are not
 * followed: a 3xx is the answer. The body of the answer is never read.
 */
export async function postWebhook(
  rawUrl: string,
  body: string,
  headers: Record<string, string>,
  options: { timeoutMs: number; policy: DestinationPolicy; resolver: Pick<HostResolver, 'resolve'> },
): Promise<WebhookAnswer> {
  const checked = checkWebhookUrl(rawUrl, options.policy);
  if (!checked.ok) return { refused: `the URL ${checked.problem}` };
  const url = checked.url;
  const signal = AbortSignal.timeout(options.timeoutMs);
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;

  let target: ResolvedAddress;
  if (isIP(host)) {
    target = { address: host, family: isIP(host) };
  } else {
    let addresses: ResolvedAddress[];
    try {
      addresses = await withTimeout(options.resolver.resolve(host), signal);
    } catch (error) {
      return { unreachable: networkReason(error, options.timeoutMs) };
    }
    if (addresses.length === 0) return { unreachable: 'host not found' };
    for (const { address } of addresses) {
      const problem = addressProblem(address, options.policy);
      // The address itself is left out: it would tell the caller how internal names resolve.
      if (problem) return { refused: `the host resolves to ${problem.replace(/ \(.*\)$/, '')}` };
    }
    target = addresses[0];
  }

  const requestOptions: RequestOptions = {
    method: 'POST',
    protocol: url.protocol,
    hostname: host,
    port: url.port || undefined,
    path: `${url.pathname}${url.search}`,
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers },
    agent: false,
    lookup: pinnedLookup(target),
    signal,
  };
  return new Promise<WebhookAnswer>((resolve) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
      requestOptions,
      (response: IncomingMessage) => {
        resolve({ status: response.statusCode ?? 0 });
        response.destroy();
      },
    );
    request.on('error', (error) => resolve({ unreachable: networkReason(error, options.timeoutMs) }));
    request.end(body);
  });
}
