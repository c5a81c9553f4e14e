import ipaddr from 'ipaddr.js';

/**
 * What Express's `trust proxy` is set to: `false` (the peer's own address, X-Forwarded-For is
 * ignored), a number of hops, or the proxies' addresses and CIDRs (and Express's names
 * `loopback`, `linklocal`, `uniquelocal`). Never `true`: that would take the client address from
 * whatever X-Forwarded-For a client sends.
 */
export type TrustProxy = false | number | string[];

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const MAX_HOPS = 10;

export class TrustProxyError extends Error {}

/**
 * Reads TRUST_PROXY: `false`/`off`/empty, `1`…`10` hops (the nearest proxies, whoever they are:
 * only safe when nothing but the Ingress can reach the pods), or a comma-separated list of
 * addresses and CIDRs (`10.42.0.0/16, fd00::/8`) of the proxies to believe.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = (value ?? '').trim();
  if (text === '' || text === 'false' || text === 'off') return false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops === 0) return false;
    if (hops > MAX_HOPS)
      throw new TrustProxyError(`${hops} hops is more than any real chain of proxies (at most ${MAX_HOPS})`);
    return hops;
  }
  if (text === 'true' || text === 'on') {
    throw new TrustProxyError(
      "trusting every proxy would let any client choose its address: name the hops (1) or the proxies' CIDRs",
    );
  }
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (NAMED_RANGES.has(entry)) continue;
    if (entry.includes('/')) {
      if (!ipaddr.isValidCIDR(entry)) throw new TrustProxyError(`${JSON.stringify(entry)} is not a CIDR`);
      if (ipaddr.parseCIDR(entry)[1] === 0)
        throw new TrustProxyError(`${JSON.stringify(entry)} would trust every address`);
      continue;
    }
    if (!ipaddr.isValid(entry))
      throw new TrustProxyError(
        `${JSON.stringify(entry)} is neither an address, a CIDR nor loopback, linklocal or uniquelocal`,
      );
  }
  return entries;
}

/** The problem with a TRUST_PROXY value, or null when it is good. */
export function trustProxyProblem(value: unknown): string | null {
  if (value !== undefined && typeof value !== 'string') return 'must be false, a number of hops or a list of CIDRs';
  try {
    parseTrustProxy(value);
    return null;
  } catch (error) {
    if (error instanceof TrustProxyError) return error.message;
    throw error;
  }
}
