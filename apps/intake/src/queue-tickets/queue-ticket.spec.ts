import { displayNumber, queueKeys, tierOf } from './queue-ticket';

describe('queue ticket rules', () => {
  it('prints U for the priority tier and A for standard, padded to three digits', () => {
    expect(displayNumber(7, 'elderly')).toBe('U-007');
    expect(displayNumber(12, 'standard')).toBe('A-012');
    expect(displayNumber(1234, 'veteran')).toBe('U-1234');
  });

  it('puts every priority group in one tier ahead of standard', () => {
    expect(tierOf('standard')).toBe('standard');
    for (const group of ['elderly', 'disability', 'pregnant', 'young-child', 'veteran', 'ethnic-minority'] as const)
      expect(tierOf(group)).toBe('priority');
  });

  it('keys a queue by unit and local day', () => {
    const keys = queueKeys('19753', '2026-05-05');
    expect(keys.sequence).toBe('queue:19753:2026-05-05:sequence');
    expect(Object.values(keys).every((key) => key.startsWith('queue:19753:2026-05-05:'))).toBe(true);
    expect(new Set(Object.values(keys)).size).toBe(Object.values(keys).length);
  });
});
