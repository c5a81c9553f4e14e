import {
  CatalogueEntry,
  ComputableIndicator,
  INDICATOR_CATALOGUE,
  IndicatorGroup,
  INDICATOR_GROUPS,
} from './catalogue-766';
import { IndicatorCounts } from './indicator-counts';
import { Ratio } from './indicators';

/**
 * The 766 rule: full points at or above the target, otherwise in proportion to the target
 * (ratio × max points ÷ target); never below 0 nor above the max. No ratio (nothing to measure)
 * earns 0 points. Rounded to hundredths, the precision scores are shown and compared at.
 */
export function pointsFor(ratioValue: number | null, maxPoints: number, target: number): number {
  if (ratioValue === null) return 0;
  const share = ratioValue >= target ? 1 : Math.max(0, ratioValue) / target;
  return toHundredths(share * maxPoints) / 100;
}

export interface IndicatorScore {
  id: string;
  group: IndicatorGroup;
  ratio: Ratio;
  target: number;
  maxPoints: number;
  points: number;
  /** False when the ratio had no denominator: 0 points, and left out of assessedMaxPoints. */
  assessed: boolean;
}

export interface ScoreTotal {
  points: number;
  /** The points the computable indicators can give. */
  maxPoints: number;
  /** The points the assessed indicators could have given: the fair yardstick for a unit with gaps. */
  assessedMaxPoints: number;
}

export interface GroupScore extends ScoreTotal {
  group: IndicatorGroup;
}

export interface UnitScore {
  indicators: IndicatorScore[];
  groups: GroupScore[];
  total: ScoreTotal;
}

/**
 * Scores one unit's (or one scope's) counts. An indicator with nothing to measure (no resolved
 * dossier, no dossier received…) earns no points rather than being left out, so a unit that served
 * no one in the period cannot outrank one that did; it is marked unassessed and its points are left
 * out of assessedMaxPoints, so the API can tell "0 out of 6" from "nothing to assess".
 */
export function scoreCounts(
  counts: IndicatorCounts,
  catalogue: readonly CatalogueEntry[] = INDICATOR_CATALOGUE,
): UnitScore {
  const indicators = catalogue
    .filter((entry): entry is ComputableIndicator => entry.computable)
    .map((entry): IndicatorScore => {
      const measured = entry.measure(counts);
      return {
        id: entry.id,
        group: entry.group,
        ratio: measured,
        target: entry.target,
        maxPoints: entry.maxPoints,
        points: pointsFor(measured.value, entry.maxPoints, entry.target),
        assessed: measured.value !== null,
      };
    });
  const groups = INDICATOR_GROUPS.map((group) => ({
    group,
    ...sumScores(indicators.filter((indicator) => indicator.group === group)),
  }));
  return { indicators, groups, total: sumScores(indicators) };
}

/** Sums in whole hundredths, so equal scores compare equal whatever the order of addition. */
function sumScores(indicators: readonly IndicatorScore[]): ScoreTotal {
  let points = 0;
  let maxPoints = 0;
  let assessedMaxPoints = 0;
  for (const indicator of indicators) {
    points += toHundredths(indicator.points);
    maxPoints += toHundredths(indicator.maxPoints);
    if (indicator.assessed) assessedMaxPoints += toHundredths(indicator.maxPoints);
  }
  return { points: points / 100, maxPoints: maxPoints / 100, assessedMaxPoints: assessedMaxPoints / 100 };
}

function toHundredths(value: number): number {
  return Math.round(value * 100);
}
