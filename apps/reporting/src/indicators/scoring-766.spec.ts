import { emptyCounts, IndicatorCounts } from './indicator-counts';
import { ComputableIndicator, INDICATOR_CATALOGUE, INDICATOR_GROUP_CATALOGUE, INDICATOR_GROUPS } from './catalogue-766';
import { pointsFor, scoreCounts } from './scoring-766';

const month: IndicatorCounts = {
  ...emptyCounts(),
  received: 200,
  receivedOnline: 90,
  resolved: 150,
  resolvedOnTime: 135,
  resolvedLate: 15,
  signedResults: 120,
  ratings: 40,
  ratingPointsSum: 160,
  satisfiedRatings: 30,
  openWithinDeadline: 40,
  openOverdue: 10,
  proceduresWithOnlineDossiers: 30,
  proceduresOffered: 120,
};

describe('766 points of one indicator', () => {
  it('are in proportion below the target: 0.45 of a 0.5 target, 8 points max → 0.45 × 8 / 0.5 = 7.2', () => {
    expect(pointsFor(0.45, 8, 0.5)).toBe(7.2);
  });

  it('are the full points at the target exactly: 0.9 of 0.9 → 6', () => {
    expect(pointsFor(0.9, 6, 0.9)).toBe(6);
  });

  it('are capped above the target: 0.8 of a 0.5 target → 8, not 0.8 × 8 / 0.5 = 12.8', () => {
    expect(pointsFor(0.8, 8, 0.5)).toBe(8);
    expect(pointsFor(1, 8, 0.5)).toBe(8);
  });

  it('are rounded to hundredths: 0.2 × 6 / 0.9 = 1.333… → 1.33', () => {
    expect(pointsFor(0.2, 6, 0.9)).toBe(1.33);
  });

  it('are 0 with no ratio, and never negative from inconsistent counts', () => {
    expect(pointsFor(null, 20, 1)).toBe(0);
    expect(pointsFor(-0.1, 6, 1)).toBe(0);
  });
});

describe('766 scores of a unit', () => {
  it('score each computable indicator: 2.1 0.875 × 20 = 17.5; 3.2 0.25 × 4 = 1; 3.3 0.45 × 8 / 0.5 = 7.2; 4.1 0.8 × 6 = 4.8; 5.4 delay 0.9 ≥ 0.9 → 3, ratings 30/40 = 0.75 × 3 / 0.9 = 2.5', () => {
    const points = Object.fromEntries(scoreCounts(month).indicators.map((score) => [score.id, score.points]));
    expect(points).toEqual({
      'progress.onTimeOrWithinDeadline': 17.5,
      'online.proceduresWithOnlineDossiers': 1,
      'online.onlineDossierShare': 7.2,
      'digitisation.signedElectronicResults': 4.8,
      'satisfaction.resolvedWithoutDelay': 3,
      'satisfaction.ratedSatisfied': 2.5,
    });
  });

  it('sum groups and the total exactly: 17.5 + (1 + 7.2) + 4.8 + (3 + 2.5) = 36 of 44 computable points', () => {
    const score = scoreCounts(month);
    expect(score.groups).toEqual([
      { group: 'transparency', points: 0, maxPoints: 0, assessedMaxPoints: 0 },
      { group: 'progress', points: 17.5, maxPoints: 20, assessedMaxPoints: 20 },
      { group: 'online', points: 8.2, maxPoints: 12, assessedMaxPoints: 12 },
      { group: 'digitisation', points: 4.8, maxPoints: 6, assessedMaxPoints: 6 },
      { group: 'satisfaction', points: 5.5, maxPoints: 6, assessedMaxPoints: 6 },
    ]);
    expect(score.total).toEqual({ points: 36, maxPoints: 44, assessedMaxPoints: 44 });
  });

  it('give an indicator with no denominator 0 points and leave it out of the assessable points: 20 + 2 + 8 = 30 of 32', () => {
    // Ten online dossiers, all still open within the deadline; 2 of 4 procedures received one.
    const firstWeek = {
      ...emptyCounts(),
      received: 10,
      receivedOnline: 10,
      openWithinDeadline: 10,
      proceduresWithOnlineDossiers: 2,
      proceduresOffered: 4,
    };
    const score = scoreCounts(firstWeek);
    const unassessed = score.indicators.filter((indicator) => !indicator.assessed).map((indicator) => indicator.id);
    expect(unassessed).toEqual([
      'digitisation.signedElectronicResults',
      'satisfaction.resolvedWithoutDelay',
      'satisfaction.ratedSatisfied',
    ]);
    expect(score.total).toEqual({ points: 30, maxPoints: 44, assessedMaxPoints: 32 });
  });

  it("score the applicants' ratings on their own: 4 satisfied of 5 = 0.8 × 3 / 0.9 = 2.67 of 3, with nothing resolved in the period", () => {
    const handedOverLastMonth = { ...emptyCounts(), returned: 5, ratings: 5, ratingPointsSum: 20, satisfiedRatings: 4 };
    const score = scoreCounts(handedOverLastMonth);
    expect(score.indicators.find((indicator) => indicator.id === 'satisfaction.ratedSatisfied')).toEqual({
      id: 'satisfaction.ratedSatisfied',
      group: 'satisfaction',
      ratio: { numerator: 4, denominator: 5, value: 0.8 },
      target: 0.9,
      maxPoints: 3,
      points: 2.67,
      assessed: true,
    });
    expect(score.groups.find((group) => group.group === 'satisfaction')).toEqual({
      group: 'satisfaction',
      points: 2.67,
      maxPoints: 6,
      assessedMaxPoints: 3,
    });
  });

  it('keep numerator and denominator beside the points, for the API to show', () => {
    const progress = scoreCounts(month).indicators.find((score) => score.id === 'progress.onTimeOrWithinDeadline');
    expect(progress).toEqual({
      id: 'progress.onTimeOrWithinDeadline',
      group: 'progress',
      ratio: { numerator: 175, denominator: 200, value: 0.875 },
      target: 1,
      maxPoints: 20,
      points: 17.5,
      assessed: true,
    });
  });

  it('score nothing for a scope with no counts at all', () => {
    expect(scoreCounts(emptyCounts()).total).toEqual({ points: 0, maxPoints: 44, assessedMaxPoints: 0 });
  });
});

describe('766 indicator catalogue', () => {
  it('has unique ids', () => {
    const ids = INDICATOR_CATALOGUE.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('allocates each group its points: 18 + 20 + 22 + 22 + 18 = 100', () => {
    for (const group of INDICATOR_GROUPS) {
      const allocated = INDICATOR_CATALOGUE.filter((entry) => entry.group === group).reduce(
        (sum, entry) => sum + (entry.maxPoints ?? 0),
        0,
      );
      expect({ group, allocated }).toEqual({ group, allocated: INDICATOR_GROUP_CATALOGUE[group].maxPoints });
    }
    const total = INDICATOR_GROUPS.reduce((sum, group) => sum + INDICATOR_GROUP_CATALOGUE[group].maxPoints, 0);
    expect(total).toBe(100);
  });

  it('gives every computable indicator positive points and a target in (0, 1]', () => {
    const computable = INDICATOR_CATALOGUE.filter((entry): entry is ComputableIndicator => entry.computable);
    expect(computable.map((entry) => entry.code)).toEqual(['2.1', '3.2', '3.3', '4.1', '5.4', '5.4']);
    for (const entry of computable) {
      expect(entry.maxPoints).toBeGreaterThan(0);
      expect(entry.target).toBeGreaterThan(0);
      expect(entry.target).toBeLessThanOrEqual(1);
    }
  });

  it('says why each of the others cannot be computed', () => {
    for (const entry of INDICATOR_CATALOGUE) {
      if (!entry.computable) expect(entry.reason.length).toBeGreaterThan(20);
    }
  });

  it('marks these values, and only these, as assumed, for the province to confirm', () => {
    const assumed = INDICATOR_CATALOGUE.flatMap((entry) => [
      ...(entry.maxPointsSource === 'assumed' ? [`${entry.id} max points`] : []),
      ...(entry.computable && entry.targetSource === 'assumed' ? [`${entry.id} target`] : []),
    ]);
    expect(assumed).toEqual([
      'progress.onTimeOrWithinDeadline target',
      'online.proceduresWithOnlineDossiers max points',
      'online.proceduresWithOnlineDossiers target',
      'online.onlineDossierShare max points',
      'digitisation.signedElectronicResults target',
      'satisfaction.resolvedWithoutDelay max points',
      'satisfaction.ratedSatisfied max points',
      'satisfaction.ratedSatisfied target',
    ]);
  });
});
