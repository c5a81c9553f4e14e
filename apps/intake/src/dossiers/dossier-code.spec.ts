import { DOSSIER_CODE_PATTERN, formatDossierCode } from './dossier-code';

describe('dossier codes', () => {
  it('joins the receiving unit, the local date as YYMMDD and a four-digit daily number', () => {
    expect(formatDossierCode('19753', '2026-11-24', 7)).toBe('19753-261124-0007');
    expect(formatDossierCode('19753.BD1', '2027-01-02', 1)).toBe('19753.BD1-270102-0001');
  });

  it('grows past 9,999 a day instead of wrapping into a duplicate', () => {
    expect(formatDossierCode('46.STP', '2026-11-24', 10_000)).toBe('46.STP-261124-10000');
  });

  it('matches what it formats, and nothing shorter', () => {
    expect(DOSSIER_CODE_PATTERN.test(formatDossierCode('46.STP', '2026-11-24', 12))).toBe(true);
    expect(DOSSIER_CODE_PATTERN.test('19753-2611-0001')).toBe(false);
    expect(DOSSIER_CODE_PATTERN.test('19753-261124-01')).toBe(false);
  });
});
