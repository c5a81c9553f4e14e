import { parseEvaluationPeriod } from './evaluation-period';

describe('evaluation periods', () => {
  it('reads months, quarters and years as the dates they span', () => {
    expect(parseEvaluationPeriod('2026-02')).toEqual({ period: '2026-02', from: '2026-02-01', to: '2026-02-28' });
    expect(parseEvaluationPeriod('2028-02')?.to).toBe('2028-02-29');
    expect(parseEvaluationPeriod('2026-Q2')).toEqual({ period: '2026-Q2', from: '2026-04-01', to: '2026-06-30' });
    expect(parseEvaluationPeriod('2026-Q4')?.to).toBe('2026-12-31');
    expect(parseEvaluationPeriod('2026')).toEqual({ period: '2026', from: '2026-01-01', to: '2026-12-31' });
  });

  it('refuses anything else', () => {
    for (const text of ['2026-13', '2026-Q5', '2026-3', '26', '2026-03-01', 'Q1-2026']) expect(parseEvaluationPeriod(text)).toBeNull();
  });
});
