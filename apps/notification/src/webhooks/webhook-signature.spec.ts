import { signWebhook, verifyWebhook } from './webhook-signature';

describe('webhook signatures', () => {
  const body = JSON.stringify({ kind: 'dossier-received', code: '19753-261124-0001' });
  const at = 1_795_000_000;

  it('verify with the same secret, body and a recent timestamp', () => {
    expect(verifyWebhook('s3cret-of-the-commune', body, signWebhook('s3cret-of-the-commune', body, at), at + 10)).toBe(
      true,
    );
  });

  it('fail for another secret, a changed body, an old timestamp or a malformed header', () => {
    const header = signWebhook('s3cret-of-the-commune', body, at);
    expect(verifyWebhook('another-secret', body, header, at)).toBe(false);
    expect(verifyWebhook('s3cret-of-the-commune', body.replace('0001', '0002'), header, at)).toBe(false);
    expect(verifyWebhook('s3cret-of-the-commune', body, header, at + 301)).toBe(false);
    expect(verifyWebhook('s3cret-of-the-commune', body, 'v1=abc', at)).toBe(false);
    expect(verifyWebhook('s3cret-of-the-commune', body, `t=${at},v1=zz`, at)).toBe(false);
  });
});
