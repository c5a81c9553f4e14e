import { corsOptions } from './response-headers';

function allows(origins: string[], origin: string | undefined): boolean {
  let allowed: unknown;
  (
    corsOptions(origins).origin as (
      origin: string | undefined,
      callback: (error: Error | null, allow?: boolean) => void,
    ) => void
  )(origin, (_error, allow) => {
    allowed = allow;
  });
  return allowed as boolean;
}

describe('CORS', () => {
  it('allows exactly the configured origins', () => {
    const origins = ['https://motcua.hue.gov.vn'];
    expect(allows(origins, 'https://motcua.hue.gov.vn')).toBe(true);
    expect(allows(origins, 'https://motcua.hue.gov.vn.evil.example')).toBe(false);
    expect(allows(origins, 'http://motcua.hue.gov.vn')).toBe(false);
    expect(allows(origins, 'null')).toBe(false);
    expect(allows([], 'https://motcua.hue.gov.vn')).toBe(false);
  });
});
