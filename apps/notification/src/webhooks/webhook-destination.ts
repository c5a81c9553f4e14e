import ipaddr from 'ipaddr.js';
import { isIP } from 'node:net';

/**
 * Where webhooks may go. A webhook URL is chosen by a province administrator, so without these
 * checks it is a way to make the platform send requests into its own network (the cloud metadata
 * service, Redis, PostgreSQL, the services' /metrics): server-side request forgery.
 */
export interface DestinationPolicy {
  /** `http://` as well as `https://`: development and tests, or an explicit setting. */
  allowHttp: boolean;
  /** Loopback, private (RFC 1918, fc00::/7) and CGNAT addresses and local names: tests and local development only. */
  allowPrivate: boolean;
}

/** ipaddr.js ranges that `allowPrivate` opens (a receiver on the developer's machine or the test's loopback). */
const PRIVATE_RANGES: ReadonlySet<string> = new Set(['loopback', 'private', 'uniqueLocal', 'carrierGradeNat']);

const RANGE_NAMES: Record<string, string> = {
  unspecified: 'the unspecified address',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address (169.254.0.0/16, fe80::/10: cloud metadata lives there)',
  loopback: 'a loopback address',
  carrierGradeNat: 'a shared address (CGNAT, 100.64.0.0/10)',
  private: 'a private address (RFC 1918)',
  uniqueLocal: 'a unique local address (fc00::/7)',
  reserved: 'a reserved or documentation address',
  benchmarking: 'a benchmarking address',
  ipv4Mapped: 'an IPv4-mapped address',
  rfc6052: 'a NAT64 address (64:ff9b::/96)',
  rfc6145: 'an IPv4-translated address',
  '6to4': 'a 6to4 address (2002::/16)',
  teredo: 'a Teredo address (2001::/32)',
  deprecatedSiteLocal: 'a site-local address (fec0::/10)',
};

function rangeName(range: string): string {
  return RANGE_NAMES[range] ?? `a special-purpose address (${range})`;
}

/**
 * What is wrong with connecting to `address` (an IP address as text, as DNS or a URL gives it), or
 * null when it is a public unicast address. Only ipaddr.js's `unicast` passes: every special range
 * it knows (loopback, RFC 1918, link-local, CGNAT, multicast, broadcast, unspecified, documentation
 * and reserved ranges, NAT64, 6to4, Teredo …) is refused, and IPv4 inside IPv6 is judged as IPv4.
 */
export function addressProblem(address: string, policy: Pick<DestinationPolicy, 'allowPrivate'>): string | null {
  // node:net's check is strict (dotted quad or IPv6 text); ipaddr.js alone would also read 0x7f.1.
  const bare = address.replace(/%.*$/, '');
  const version = isIP(bare);
  if (version === 0) return 'is not an IP address';
  // IPv6 text through the WHATWG serialiser first: ipaddr.js reads the dotted tail of ::a.b.c.d
  // (as glibc writes IPv4-compatible addresses) as if it were ::ffff:a.b.c.d; ::7f00:1 it reads right.
  let parsed: ipaddr.IPv4 | ipaddr.IPv6 = ipaddr.parse(
    version === 6 ? new URL(`http://[${bare}]/`).hostname.slice(1, -1) : bare,
  );
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) {
      parsed = v6.toIPv4Address();
    } else if (v6.parts.slice(0, 6).every((part) => part === 0) && !['unspecified', 'loopback'].includes(v6.range())) {
      // ::a.b.c.d, deprecated by RFC 4291: no receiver has one, and some stacks route it as IPv4.
      return 'an IPv4-compatible IPv6 address (::a.b.c.d)';
    }
  }
  const range = parsed.range();
  if (range === 'unicast') return null;
  if (policy.allowPrivate && PRIVATE_RANGES.has(range)) return null;
  return rangeName(range);
}

/** Names of cloud metadata services and cluster internals: refused whatever the policy. */
const METADATA_NAMES: ReadonlySet<string> = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'metadata.azure.com',
  'metadata.tencentyun.com',
  'instance-data',
  'instance-data.ec2.internal',
  'kubernetes',
  'kubernetes.default',
  'kubernetes.default.svc',
]);

/** Suffixes of names that are never public: `.internal` is the private-use top-level domain (and holds the metadata names). */
const ALWAYS_REFUSED_SUFFIXES = ['.internal'];

/** Suffixes of names on the local machine or network (RFC 6761, mDNS, Kubernetes services), open only with `allowPrivate`. */
const LOCAL_SUFFIXES = ['.localhost', '.local', '.localdomain', '.lan', '.home.arpa', '.svc', '.cluster.local'];

/**
 * What is wrong with a host name (not an address), or null. Metadata names and `.internal` are
 * refused always; `localhost`, local suffixes and single-label names (which a cluster's search
 * domains turn into its own services: `redis`, `postgres`) unless `allowPrivate`. Whatever the
 * name, delivery resolves it and checks every address.
 */
export function hostnameProblem(hostname: string, policy: Pick<DestinationPolicy, 'allowPrivate'>): string | null {
  const name = hostname.toLowerCase().replace(/\.+$/, '');
  if (!name) return 'an empty host name';
  if (METADATA_NAMES.has(name) || ALWAYS_REFUSED_SUFFIXES.some((suffix) => name.endsWith(suffix)))
    return 'a cloud metadata or internal host name';
  if (policy.allowPrivate) return null;
  if (name === 'localhost' || LOCAL_SUFFIXES.some((suffix) => name.endsWith(suffix))) return 'a local host name';
  if (!name.includes('.')) return 'a single-label host name (not a public domain)';
  return null;
}

export type UrlCheck = { ok: true; url: URL } | { ok: false; problem: string };

const MAX_URL_LENGTH = 2_000;

/**
 * Checks a webhook URL as written, before anything is sent to it: the scheme, user info, and the
 * host, which the WHATWG parser has normalised first (0x7f000001, 0177.0.0.1, 2130706433 and
 * 127.1 all become 127.0.0.1; full-width letters and dots fold). `problem` completes "url must …".
 * The normalised URL is what is stored and later requested.
 */
export function checkWebhookUrl(raw: string, policy: DestinationPolicy): UrlCheck {
  if (raw.length > MAX_URL_LENGTH) return { ok: false, problem: `must be at most ${MAX_URL_LENGTH} characters` };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, problem: 'must be an absolute https URL' };
  }
  if (url.protocol !== 'https:' && !(policy.allowHttp && url.protocol === 'http:')) {
    return { ok: false, problem: policy.allowHttp ? 'must be an http(s) URL' : 'must be an https URL' };
  }
  // The parser drops an empty `@` (http://@host); anything before an `@` in the authority is refused.
  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(raw.trim())?.[1] ?? '';
  if (url.username || url.password || authority.includes('@'))
    return { ok: false, problem: 'must not carry user info (user:password@)' };
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  const problem = isIP(host) ? addressProblem(host, policy) : hostnameProblem(host, policy);
  if (problem) return { ok: false, problem: `must not point at ${problem}` };
  return { ok: true, url };
}
