import { rankUnits } from './ranking';

describe('ranking units by score', () => {
  it('gives equal scores one rank and skips the next: 50, 50, 40 → 1, 1, 3', () => {
    const ranked = rankUnits([
      { unitCode: '46.03', score: 40 },
      { unitCode: '46.02', score: 50 },
      { unitCode: '46.01', score: 50 },
    ]);
    expect(ranked).toEqual([
      { unitCode: '46.01', score: 50, rank: 1 },
      { unitCode: '46.02', score: 50, rank: 1 },
      { unitCode: '46.03', score: 40, rank: 3 },
    ]);
  });

  it('skips as many places as were shared: 95, 90, 90, 90, 80 → 1, 2, 2, 2, 5', () => {
    const ranked = rankUnits([
      { unitCode: 'D', score: 90 },
      { unitCode: 'E', score: 80 },
      { unitCode: 'B', score: 90 },
      { unitCode: 'A', score: 95 },
      { unitCode: 'C', score: 90 },
    ]);
    expect(ranked.map((unit) => `${unit.rank} ${unit.unitCode}`)).toEqual(['1 A', '2 B', '2 C', '2 D', '5 E']);
  });

  it('orders ties by unit code whatever the input order', () => {
    const units = [
      { unitCode: '46.10', score: 36.5 },
      { unitCode: '46.09', score: 36.5 },
      { unitCode: '46.11', score: 36.5 },
    ];
    const codes = (list: typeof units) => rankUnits(list).map((unit) => unit.unitCode);
    expect(codes(units)).toEqual(['46.09', '46.10', '46.11']);
    expect(codes([...units].reverse())).toEqual(['46.09', '46.10', '46.11']);
  });

  it('does not tie scores that differ by a hundredth: 36.51 ranks above 36.5', () => {
    const ranked = rankUnits([
      { unitCode: 'A', score: 36.5 },
      { unitCode: 'B', score: 36.51 },
    ]);
    expect(ranked.map((unit) => [unit.unitCode, unit.rank])).toEqual([
      ['B', 1],
      ['A', 2],
    ]);
  });

  it('leaves the input as it was and ranks nothing as nothing', () => {
    const units = [
      { unitCode: 'B', score: 1 },
      { unitCode: 'A', score: 2 },
    ];
    rankUnits(units);
    expect(units.map((unit) => unit.unitCode)).toEqual(['B', 'A']);
    expect(rankUnits([])).toEqual([]);
  });
});
