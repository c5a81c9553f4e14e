import { addressProblem, checkWebhookUrl, DestinationPolicy, hostnameProblem } from './webhook-destination';

const production: DestinationPolicy = { allowHttp: false, allowPrivate: false };
const development: DestinationPolicy = { allowHttp: true, allowPrivate: true };

const problemOf = (url: string, policy = production) => {
  const checked = checkWebhookUrl(url, policy);
  return checked.ok ? null : checked.problem;
};

describe('webhook destinations: addresses', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.5', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['fc00::1', 'unique local'],
    ['fd12:3456:789a::1', 'unique local'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['100.64.0.1', 'CGNAT'],
    ['100.100.100.200', 'CGNAT'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.1', 'documentation'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.9', 'documentation'],
    ['198.18.0.1', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['2001:db8::1', 'documentation'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['::ffff:10.1.2.3', 'private'],
    ['::127.0.0.1', 'IPv4-compatible'],
    ['::a9fe:a9fe', 'IPv4-compatible'],
    ['64:ff9b::7f00:1', 'NAT64'],
    ['2002:7f00:1::1', '6to4'],
    ['2001:0:4136:e378::1', 'Teredo'],
    ['fec0::1', 'site-local'],
  ])('refuses %s (%s) in production', (address, what) => {
    expect(addressProblem(address, production)).toContain(what);
  });

  it('accepts public unicast addresses, IPv4 inside IPv6 judged as IPv4', () => {
    for (const address of [
      '93.184.216.34',
      '14.225.0.1',
      '2606:4700:4700::1111',
      '2402:800::1',
      '::ffff:93.184.216.34',
    ]) {
      expect([address, addressProblem(address, production)]).toEqual([address, null]);
    }
  });

  it('opens loopback, RFC 1918, ULA and CGNAT with allowPrivate, never link-local, multicast or the unspecified address', () => {
    for (const address of ['127.0.0.1', '::1', '10.0.0.5', '192.168.1.1', 'fd00::1', '100.64.0.1', '::ffff:127.0.0.1'])
      expect(addressProblem(address, development)).toBeNull();
    for (const address of [
      '169.254.169.254',
      'fe80::1',
      '0.0.0.0',
      '::',
      '224.0.0.1',
      '255.255.255.255',
      '::127.0.0.1',
    ])
      expect(addressProblem(address, development)).not.toBeNull();
  });

  it('reads only strict address text (the URL parser normalises the rest first)', () => {
    for (const text of ['0x7f000001', '2130706433', '127.1', '0177.0.0.1', 'localhost', ''])
      expect(addressProblem(text, development)).toBe('is not an IP address');
  });
});

describe('webhook destinations: host names', () => {
  it.each([
    'metadata',
    'metadata.google.internal',
    'METADATA.GOOGLE.INTERNAL.',
    'metadata.goog',
    'instance-data',
    'kubernetes.default.svc',
    'anything.internal',
  ])('refuses the metadata or internal name %s whatever the policy', (name) => {
    expect(hostnameProblem(name, production)).toContain('metadata');
    expect(hostnameProblem(name, development)).toContain('metadata');
  });

  it('refuses local and single-label names unless private destinations are allowed', () => {
    for (const name of [
      'localhost',
      'LOCALHOST.',
      'api.localhost',
      'printer.local',
      'redis',
      'postgres',
      'notification.onestop.svc',
      'router.home.arpa',
    ]) {
      expect([name, hostnameProblem(name, production)]).toEqual([name, expect.any(String)]);
      expect(hostnameProblem(name, development)).toBeNull();
    }
    expect(hostnameProblem('phuxuan.hue.gov.vn', production)).toBeNull();
  });
});

describe('webhook URLs', () => {
  it('accepts an https URL of a public host, normalised', () => {
    const checked = checkWebhookUrl('HTTPS://PhuXuan.Hue.gov.vn:8443/hooks/onestop?v=1', production);
    expect(checked.ok && checked.url.href).toBe('https://phuxuan.hue.gov.vn:8443/hooks/onestop?v=1');
  });

  it('asks for https unless http is allowed, and refuses other schemes always', () => {
    expect(problemOf('http://phuxuan.hue.gov.vn/hooks')).toBe('must be an https URL');
    expect(problemOf('http://phuxuan.hue.gov.vn/hooks', { allowHttp: true, allowPrivate: false })).toBeNull();
    for (const url of [
      'ftp://phuxuan.hue.gov.vn/',
      'file:///etc/passwd',
      'gopher://phuxuan.hue.gov.vn/',
      'javascript:alert(1)',
    ]) {
      expect(problemOf(url, development)).toBe('must be an http(s) URL');
    }
    expect(problemOf('not a url', development)).toBe('must be an absolute https URL');
    expect(problemOf('/relative/path', development)).toBe('must be an absolute https URL');
  });

  it.each([
    'https://user:password@phuxuan.hue.gov.vn/hooks',
    'https://user@phuxuan.hue.gov.vn/hooks',
    'https://:secret@phuxuan.hue.gov.vn/hooks',
    'https://@phuxuan.hue.gov.vn/hooks',
    'https://phuxuan.hue.gov.vn@169.254.169.254/',
  ])('refuses user info: %s', (url) => {
    expect(problemOf(url, development)).toBe('must not carry user info (user:password@)');
  });

  it.each([
    ['https://169.254.169.254/latest/meta-data/', 'link-local'],
    ['https://127.0.0.1:3005/metrics', 'loopback'],
    ['https://[::1]:6379/', 'loopback'],
    ['https://0x7f000001:5432/', 'loopback'],
    ['https://0x7f.0.0.1/', 'loopback'],
    ['https://0177.0.0.1/', 'loopback'],
    ['https://017700000001/', 'loopback'],
    ['https://2130706433/', 'loopback'],
    ['https://127.1/', 'loopback'],
    ['https://127.0.0.1./', 'loopback'],
    ['https://127。0。0。1/', 'loopback'],
    ['https://0/', 'unspecified'],
    ['https://[::]/', 'unspecified'],
    ['https://[::ffff:127.0.0.1]/', 'loopback'],
    ['https://[::ffff:a9fe:a9fe]/', 'link-local'],
    ['https://[::127.0.0.1]/', 'IPv4-compatible'],
    ['https://[fe80::1]/', 'link-local'],
    ['https://[fd00::1]/', 'unique local'],
    ['https://10.0.0.1/', 'private'],
    ['https://172.16.5.4/', 'private'],
    ['https://192.168.0.1/', 'private'],
    ['https://100.64.0.1/', 'CGNAT'],
    ['https://224.0.0.251/', 'multicast'],
    ['https://255.255.255.255/', 'broadcast'],
    ['https://192.0.2.10/', 'documentation'],
    ['https://metadata.google.internal/computeMetadata/v1/', 'metadata'],
    ['https://metadata.google.internal./computeMetadata/v1/', 'metadata'],
    ['https://metadata/', 'metadata'],
    ['https://localhost/', 'local host name'],
    ['https://ｌｏｃａｌｈｏｓｔ/', 'local host name'],
    ['https://%6c%6f%63%61%6c%68%6f%73%74/', 'local host name'],
    ['https://redis:6379/', 'single-label'],
  ])('refuses %s (%s)', (url, what) => {
    expect(problemOf(url)).toContain(what);
  });

  it('lets tests and development reach a receiver on loopback, never the metadata service', () => {
    expect(problemOf('http://127.0.0.1:4010/hooks', development)).toBeNull();
    expect(problemOf('http://localhost:4010/hooks', development)).toBeNull();
    expect(problemOf('http://[::1]:4010/hooks', development)).toBeNull();
    expect(problemOf('http://169.254.169.254/latest/meta-data/', development)).toContain('link-local');
    expect(problemOf('http://metadata.google.internal/', development)).toContain('metadata');
  });
});
