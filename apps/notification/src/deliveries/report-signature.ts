import { createHmac, timingSafeEqual } from 'node:crypto';

/** The signature a gateway sends: HMAC-SHA256 of `{provider}.{reference}.{status}` with the shared secret. */
export function reportSignature(
  secret: string,
  provider: string,
  report: { reference: string; status: string },
): string {
  return createHmac('sha256', secret).update(`${provider}.${report.reference}.${report.status}`).digest('hex');
}

/** Whether `signature` (hex) signs the report, compared in constant time. */
export function isSignedReport(
  secret: string,
  provider: string,
  report: { reference: string; status: string },
  signature: string | undefined,
): boolean {
  const expected = Buffer.from(reportSignature(secret, provider, report), 'hex');
  const given = Buffer.from(signature ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
