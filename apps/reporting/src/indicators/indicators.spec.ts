import { emptyCounts, IndicatorCounts } from './indicator-counts';
import {
  averageProcessingMinutes,
  computeIndicators,
  electronicReturnShare,
  onlineDossierShare,
  onTimeOrWithinDeadlineShare,
  overdueCount,
  proceduresWithOnlineDossiersShare,
  ratio,
  resolvedWithoutDelayShare,
  averageRatingScore,
  satisfiedRatingShare,
  signedElectronicResultShare,
} from './indicators';

/** A commune's month, used throughout with its arithmetic written out. */
const month: IndicatorCounts = {
  ...emptyCounts(),
  received: 200,
  receivedOnline: 90,
  refused: 5,
  resolved: 150,
  resolvedOnTime: 135,
  resolvedLate: 15,
  processingMinutesSum: 144_000,
  stopped: 3,
  withdrawn: 2,
  returned: 140,
  returnedElectronic: 56,
  signedResults: 120,
  overdueEvents: 20,
  apologies: 12,
  ratings: 60,
  ratingPointsSum: 246,
  satisfiedRatings: 48,
  openWithinDeadline: 40,
  openOverdue: 10,
  proceduresWithOnlineDossiers: 30,
  proceduresOffered: 120,
};

describe('indicators', () => {
  it('on time or within deadline: (135 on time + 40 open in time) / (150 resolved + 40 + 10 open overdue) = 175 / 200 = 0.875', () => {
    expect(onTimeOrWithinDeadlineShare(month)).toEqual({ numerator: 175, denominator: 200, value: 0.875 });
  });

  it('leave stopped, withdrawn and refused dossiers out of the progress ratio', () => {
    const withMoreClosedWithoutResult = { ...month, stopped: 50, withdrawn: 50, refused: 50 };
    expect(onTimeOrWithinDeadlineShare(withMoreClosedWithoutResult)).toEqual(onTimeOrWithinDeadlineShare(month));
  });

  it('average processing time: 144,000 minutes / 150 resolved = 960 minutes (two 8-hour working days)', () => {
    expect(averageProcessingMinutes(month)).toEqual({ numerator: 144_000, denominator: 150, value: 960 });
  });

  it('overdue: 15 resolved late + 10 still open past the deadline = 25', () => {
    expect(overdueCount(month)).toBe(25);
  });

  it('online dossiers: 90 / 200 received = 0.45', () => {
    expect(onlineDossierShare(month)).toEqual({ numerator: 90, denominator: 200, value: 0.45 });
  });

  it('procedures with online dossiers: 30 / 120 offered = 0.25', () => {
    expect(proceduresWithOnlineDossiersShare(month)).toEqual({ numerator: 30, denominator: 120, value: 0.25 });
  });

  it('electronic signed results: 120 / 150 resolved = 0.8; electronic hand-over, reported beside it: 56 / 140 returned = 0.4', () => {
    expect(signedElectronicResultShare(month)).toEqual({ numerator: 120, denominator: 150, value: 0.8 });
    expect(electronicReturnShare(month)).toEqual({ numerator: 56, denominator: 140, value: 0.4 });
  });

  it('resolved without delay: (150 resolved − 15 late) / 150 = 135 / 150 = 0.9', () => {
    expect(resolvedWithoutDelayShare(month)).toEqual({ numerator: 135, denominator: 150, value: 0.9 });
  });

  it('do not subtract apologies on top of late dossiers (the apologised dossier is already late)', () => {
    expect(resolvedWithoutDelayShare({ ...month, apologies: 0 })).toEqual(resolvedWithoutDelayShare(month));
    expect(resolvedWithoutDelayShare({ ...month, apologies: 150 }).value).toBe(0.9);
  });

  it('satisfied ratings: 48 of 4 or 5 stars / 60 ratings = 0.8; their average, reported beside it: 246 points / 60 = 4.1', () => {
    expect(satisfiedRatingShare(month)).toEqual({ numerator: 48, denominator: 60, value: 0.8 });
    expect(averageRatingScore(month)).toEqual({ numerator: 246, denominator: 60, value: 4.1 });
  });

  it('measure satisfaction over the ratings given, whatever was resolved or returned in the period', () => {
    expect(satisfiedRatingShare({ ...month, resolved: 0, returned: 0 })).toEqual(satisfiedRatingShare(month));
    expect(satisfiedRatingShare({ ...month, ratings: 0, ratingPointsSum: 0, satisfiedRatings: 0 }).value).toBeNull();
  });

  it('give null, not 0 nor NaN, for every ratio of a scope with nothing in it, and an overdue count of 0', () => {
    const values = computeIndicators(emptyCounts());
    expect(values.overdueCount).toBe(0);
    const ratios = Object.entries(values).filter(([name]) => name !== 'overdueCount');
    expect(ratios).toHaveLength(9);
    for (const [, measured] of ratios) expect(measured).toEqual({ numerator: 0, denominator: 0, value: null });
  });

  it('measure progress from open dossiers alone before anything is resolved: 5 within deadline / 5 open = 1', () => {
    const firstWeek = { ...emptyCounts(), received: 5, openWithinDeadline: 5 };
    expect(onTimeOrWithinDeadlineShare(firstWeek).value).toBe(1);
    expect(signedElectronicResultShare(firstWeek).value).toBeNull();
    expect(resolvedWithoutDelayShare(firstWeek).value).toBeNull();
  });

  it('keep a measured zero as 0: 0 online / 10 received = 0, not null', () => {
    expect(ratio(0, 10)).toEqual({ numerator: 0, denominator: 10, value: 0 });
  });

  it('gather every measure of a scope in one record', () => {
    expect(computeIndicators(month)).toEqual({
      onTimeOrWithinDeadlineShare: { numerator: 175, denominator: 200, value: 0.875 },
      averageProcessingMinutes: { numerator: 144_000, denominator: 150, value: 960 },
      overdueCount: 25,
      onlineDossierShare: { numerator: 90, denominator: 200, value: 0.45 },
      proceduresWithOnlineDossiersShare: { numerator: 30, denominator: 120, value: 0.25 },
      signedElectronicResultShare: { numerator: 120, denominator: 150, value: 0.8 },
      electronicReturnShare: { numerator: 56, denominator: 140, value: 0.4 },
      resolvedWithoutDelayShare: { numerator: 135, denominator: 150, value: 0.9 },
      satisfiedRatingShare: { numerator: 48, denominator: 60, value: 0.8 },
      averageRatingScore: { numerator: 246, denominator: 60, value: 4.1 },
    });
  });
});
