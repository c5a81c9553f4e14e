import { addCounts, emptyCounts, INDICATOR_COUNT_FIELDS, IndicatorCounts } from './indicator-counts';

/** Distinct values per field, so a field added from the wrong side would show. */
function countsCountingFrom(start: number): IndicatorCounts {
  const counts = emptyCounts();
  INDICATOR_COUNT_FIELDS.forEach((field, index) => (counts[field] = start + index));
  return counts;
}

describe('indicator counts', () => {
  it('start at zero in every one of the 22 counters', () => {
    expect(INDICATOR_COUNT_FIELDS).toHaveLength(22);
    expect(Object.values(emptyCounts())).toEqual(new Array(22).fill(0));
  });

  it('give a fresh zero record each time, so filling one does not fill the next', () => {
    const first = emptyCounts();
    first.received = 5;
    expect(emptyCounts().received).toBe(0);
  });

  it('add two disjoint scopes field by field: received 100 + 7 = 107, resolved 103 + 10 = 113, proceduresOffered 121 + 28 = 149', () => {
    const sum = addCounts(countsCountingFrom(100), countsCountingFrom(7));
    expect(sum.received).toBe(107);
    expect(sum.resolved).toBe(113);
    expect(sum.proceduresOffered).toBe(149);
    INDICATOR_COUNT_FIELDS.forEach((field, index) => expect(sum[field]).toBe(107 + 2 * index));
  });

  it('leave both inputs as they were', () => {
    const a = countsCountingFrom(1);
    const b = countsCountingFrom(2);
    addCounts(a, b);
    expect(a).toEqual(countsCountingFrom(1));
    expect(b).toEqual(countsCountingFrom(2));
  });

  it('treat zero counts as the identity', () => {
    expect(addCounts(emptyCounts(), countsCountingFrom(3))).toEqual(countsCountingFrom(3));
  });
});
