import { configProblems, loadConfig } from '../config/load-config';
import { PlatformEnv } from '../config/platform-env';
import { clientAddress, keyPart } from './client-address';
import { wrongTryLimits } from './throttling-settings';
import { parseTrustProxy } from './trust-proxy';
import { lookupLocked } from './wrong-tries';
import { tooManyRequests } from './api-throttler';

const defaults = { PORT: '3001', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/onestop_intake' };

const problemsOf = (source: Record<string, string>): string[] => configProblems(PlatformEnv, source, defaults);

describe('the request limits settings', () => {
  it('default to a province: 600 a minute per account, 3,000 per address, 5 wrong look-ups in 15 minutes lock for an hour, proxies not trusted', () => {
    const env = loadConfig(PlatformEnv, {}, defaults);
    expect(env.API_RATE_LIMIT_PER_MINUTE).toBe(600);
    expect(env.API_RATE_LIMIT_PER_ADDRESS_PER_MINUTE).toBe(3_000);
    expect(parseTrustProxy(env.TRUST_PROXY)).toBe(false);
    expect(wrongTryLimits(env)).toEqual({ perCode: 5, perAddress: 20, windowMs: 15 * 60_000, lockMs: 3_600_000 });
  });

  it('read numbers and durations from the environment', () => {
    const env = loadConfig(
      PlatformEnv,
      {
        API_RATE_LIMIT_PER_MINUTE: '120',
        LOOKUP_MAX_WRONG_TRIES: '3',
        LOOKUP_WRONG_TRY_WINDOW: '30s',
        LOOKUP_LOCK: '1h30m',
        TRUST_PROXY: '1',
      },
      defaults,
    );
    expect(env.API_RATE_LIMIT_PER_MINUTE).toBe(120);
    expect(wrongTryLimits(env)).toMatchObject({ perCode: 3, windowMs: 30_000, lockMs: 5_400_000 });
    expect(parseTrustProxy(env.TRUST_PROXY)).toBe(1);
  });

  it('name each wrong one', () => {
    expect(
      problemsOf({
        API_RATE_LIMIT_PER_MINUTE: '0',
        LOOKUP_LOCK: 'an hour',
        LOOKUP_WRONG_TRY_WINDOW: '500',
        TRUST_PROXY: 'true',
        RATE_LIMIT_KEY_PREFIX: 'a b',
      }),
    ).toEqual([
      'API_RATE_LIMIT_PER_MINUTE: must not be less than 1 (got "0")',
      expect.stringMatching(/^TRUST_PROXY: trusting every proxy would let any client choose its address/),
      'RATE_LIMIT_KEY_PREFIX: must be a Redis key prefix of letters, digits and : . _ -',
      expect.stringMatching(/^LOOKUP_WRONG_TRY_WINDOW: must be a duration of at least a second.*\(got "500"\)$/),
      expect.stringMatching(/^LOOKUP_LOCK: must be a duration of at least a second.*\(got "an hour"\)$/),
    ]);
  });
});

describe('TRUST_PROXY', () => {
  it('is off by default and for false, off or 0', () => {
    for (const value of [undefined, '', 'false', 'off', '0']) expect(parseTrustProxy(value)).toBe(false);
  });

  it('takes a number of hops', () => {
    expect(parseTrustProxy('2')).toBe(2);
    expect(() => parseTrustProxy('11')).toThrow(/at most 10/);
  });

  it("takes the proxies' addresses, CIDRs and Express's named ranges", () => {
    expect(parseTrustProxy('10.42.0.0/16, fd00::/8,192.168.1.10, loopback')).toEqual([
      '10.42.0.0/16',
      'fd00::/8',
      '192.168.1.10',
      'loopback',
    ]);
  });

  it('never trusts everyone', () => {
    expect(() => parseTrustProxy('true')).toThrow(/any client choose its address/);
    expect(() => parseTrustProxy('0.0.0.0/0')).toThrow(/every address/);
    expect(() => parseTrustProxy('::/0')).toThrow(/every address/);
  });

  it('refuses what is not an address', () => {
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow(/not a CIDR/);
    expect(() => parseTrustProxy('ingress-nginx')).toThrow(/neither an address/);
  });
});

describe('the client address a request counts against', () => {
  const request = (ip: string) => ({ ip, socket: {} as never });

  it('is the IPv4 address, also when IPv4-mapped', () => {
    expect(clientAddress(request('203.0.113.7'))).toBe('203.0.113.7');
    expect(clientAddress(request('::ffff:203.0.113.7'))).toBe('203.0.113.7');
  });

  it("is an IPv6 address's /64, which one subscriber holds whole", () => {
    expect(clientAddress(request('2001:db8:1:2:aaaa:bbbb:cccc:dddd'))).toBe('2001:db8:1:2::/64');
    expect(clientAddress(request('2001:db8:1:2::1'))).toBe(clientAddress(request('2001:db8:1:2:ffff::9')));
  });

  it('appears in keys as a digest', () => {
    expect(keyPart('203.0.113.7')).toMatch(/^[0-9a-f]{32}$/);
    expect(keyPart('203.0.113.7')).not.toBe(keyPart('203.0.113.8'));
  });
});

describe('the 429 answers', () => {
  it('of the API limit say which limit and when to come back, at least a second', () => {
    const problem = tooManyRequests('principal', 600, 0.2).getResponse();
    expect(problem).toMatchObject({
      status: 429,
      type: 'https://onestop.gov.vn/problems/too-many-requests',
      limit: 'principal',
      retryAfterSeconds: 1,
    });
    expect((problem as { detail: string }).detail).toBe(
      'at most 600 requests a minute from one account to this service; try again in 1 s',
    );
  });

  it('of a lock say it holds for right and wrong digits alike, and for how long', () => {
    expect(lookupLocked('code', 3_599_001).getResponse()).toMatchObject({
      status: 429,
      type: 'https://onestop.gov.vn/problems/too-many-requests/look-up-locked',
      detail:
        'too many wrong tries at this look-up: it is locked for everyone, right or wrong digits alike, for 60 min',
      scope: 'code',
      retryAfterSeconds: 3600,
    });
    expect(lookupLocked('address', 1_500).getResponse()).toMatchObject({ retryAfterSeconds: 2, scope: 'address' });
  });
});
