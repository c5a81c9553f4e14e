import request from 'supertest';
import { SignatureServiceUnderTest, startSignatureService } from '../test/signature-fixture';

/**
 * The public verification of a signed result takes only its code, and codes are sequential: a
 * miss is a wrong guess, and an address that misses too often is locked out of the look-up.
 */
describe('public result verification limits', () => {
  let signature: SignatureServiceUnderTest;

  beforeAll(async () => {
    signature = await startSignatureService([], {
      TRUST_PROXY: 'loopback',
      LOOKUP_MAX_WRONG_TRIES_PER_ADDRESS: '3',
      LOOKUP_LOCK: '1h',
    });
  }, 90_000);

  afterAll(async () => {
    await signature?.close();
  }, 30_000);

  const verify = (code: string, address: string) =>
    request(signature.service.url).get(`/api/v1/public/results/${code}`).set('X-Forwarded-For', address);

  it('locks an address out after 3 codes without a result, whatever it asks next; other addresses go on', async () => {
    for (const sequence of ['0001', '0002', '0003'])
      await verify(`19753-261124-${sequence}`, '203.0.113.20').expect(404);
    const locked = await verify('19753-261124-0004', '203.0.113.20').expect(429);
    expect(locked.headers['content-type']).toContain('application/problem+json');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(3_500);
    expect(locked.body).toMatchObject({
      type: 'https://onestop.gov.vn/problems/too-many-requests/look-up-locked',
      status: 429,
      scope: 'address',
    });

    await verify('19753-261124-0004', '203.0.113.21').expect(404);
    const metrics = (await request(signature.service.url).get('/metrics').expect(200)).text;
    expect(metrics).toMatch(/onestop_lookup_locks_total\{[^}]*lookup="signed-result"[^}]*\} 1/);
  });
});
