export interface UnitTotal {
  unitCode: string;
  /** The unit's total score; compared exactly, so pass scores already rounded (scoreCounts does). */
  score: number;
}

export interface RankedUnit extends UnitTotal {
  rank: number;
}

/**
 * Units by score, highest first, in standard competition ranking: equal scores share a rank and the
 * next rank skips as many places as were shared ("1, 1, 3"). Among equal scores the order is by unit
 * code, so the same input always lists the same way.
 */
export function rankUnits(units: readonly UnitTotal[]): RankedUnit[] {
  const ordered = [...units].sort((a, b) => b.score - a.score || compareCodes(a.unitCode, b.unitCode));
  const ranked: RankedUnit[] = [];
  ordered.forEach((unit, index) => {
    const previous = ranked[index - 1];
    const rank = previous !== undefined && previous.score === unit.score ? previous.rank : index + 1;
    ranked.push({ ...unit, rank });
  });
  return ranked;
}

/** By code point rather than by locale, so the order does not change with the server's language. */
function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
