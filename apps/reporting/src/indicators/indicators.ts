import { IndicatorCounts } from './indicator-counts';

/**
 * A ratio with both of its terms, so an API can show "45 / 50" beside 90 %.
 * `value` is null when the denominator is 0: nothing to measure is not the same as a measured 0.
 */
export interface Ratio {
  numerator: number;
  denominator: number;
  value: number | null;
}

export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

// Progress of resolution (group 2 of the 766 index set).

/**
 * Indicator 2.1: dossiers resolved on time or still within their deadline, over every dossier the
 * unit resolved in the period or still holds at its end. Stopped, withdrawn and refused dossiers are
 * left out of both terms: no result was due for them.
 */
export function onTimeOrWithinDeadlineShare(counts: IndicatorCounts): Ratio {
  return ratio(
    counts.resolvedOnTime + counts.openWithinDeadline,
    counts.resolved + counts.openWithinDeadline + counts.openOverdue,
  );
}

/** Indicator 2.2: working minutes from receipt to result, per resolved dossier. */
export function averageProcessingMinutes(counts: IndicatorCounts): Ratio {
  return ratio(counts.processingMinutesSum, counts.resolved);
}

/** Dossiers that missed their deadline: resolved late in the period, or still open past it at its end. */
export function overdueCount(counts: IndicatorCounts): number {
  return counts.resolvedLate + counts.openOverdue;
}

// Online public service (group 3).

/** Indicator 3.3, by channel only: the share of received dossiers that were filed online. */
export function onlineDossierShare(counts: IndicatorCounts): Ratio {
  return ratio(counts.receivedOnline, counts.received);
}

/** Indicator 3.2: the share of offered procedures that received at least one online dossier. */
export function proceduresWithOnlineDossiersShare(counts: IndicatorCounts): Ratio {
  return ratio(counts.proceduresWithOnlineDossiers, counts.proceduresOffered);
}

// Digitisation of dossiers and results (group 4).

/**
 * Indicator 4.1: resolved dossiers whose result is an electronic, digitally signed document.
 * Measured over the resolved dossiers rather than over the returned ones: whether a result exists
 * electronically is the unit's doing, whereas how it is handed over is the applicant's choice, and
 * hand-over (status 10) lags the result and may fall in the next period.
 */
export function signedElectronicResultShare(counts: IndicatorCounts): Ratio {
  return ratio(counts.signedResults, counts.resolved);
}

/** Reported beside 4.1, not scored: the share of results handed over electronically. */
export function electronicReturnShare(counts: IndicatorCounts): Ratio {
  return ratio(counts.returnedElectronic, counts.returned);
}

// Satisfaction (group 5).

/**
 * The delay half of indicator 5.4 ("100 % − overdue share − share with a complaint or a dislike"):
 * resolved dossiers that were not late, over the resolved dossiers. The other half is the
 * applicants' ratings (satisfiedRatingShare); petitions received outside the platform are not counted.
 *
 * Apologies are not subtracted: an apology is issued for a dossier that will miss the deadline set at
 * receipt, which stays the yardstick of resolvedLate, so an apologised dossier that is resolved is
 * already among the late ones (subtracting both would count it twice). Apologies are letters, too,
 * not dossiers, and include those for dossiers still open.
 */
export function resolvedWithoutDelayShare(counts: IndicatorCounts): Ratio {
  return ratio(counts.resolved - counts.resolvedLate, counts.resolved);
}

/**
 * The ratings half of indicator 5.4: ratings of 4 or 5 (satisfied) over every rating given in the
 * period. The index set subtracts the share of dossiers with a complaint or a dislike rating; a 3
 * counts here as not satisfied, which is stricter. Counted for the unit that processed the dossier.
 */
export function satisfiedRatingShare(counts: IndicatorCounts): Ratio {
  return ratio(counts.satisfiedRatings, counts.ratings);
}

/** Reported beside it, not scored: the average score (1 to 5) of the period's ratings. */
export function averageRatingScore(counts: IndicatorCounts): Ratio {
  return ratio(counts.ratingPointsSum, counts.ratings);
}

/** Every measure the counters support, for one scope and period. */
export interface IndicatorValues {
  onTimeOrWithinDeadlineShare: Ratio;
  averageProcessingMinutes: Ratio;
  overdueCount: number;
  onlineDossierShare: Ratio;
  proceduresWithOnlineDossiersShare: Ratio;
  signedElectronicResultShare: Ratio;
  electronicReturnShare: Ratio;
  resolvedWithoutDelayShare: Ratio;
  satisfiedRatingShare: Ratio;
  averageRatingScore: Ratio;
}

export function computeIndicators(counts: IndicatorCounts): IndicatorValues {
  return {
    onTimeOrWithinDeadlineShare: onTimeOrWithinDeadlineShare(counts),
    averageProcessingMinutes: averageProcessingMinutes(counts),
    overdueCount: overdueCount(counts),
    onlineDossierShare: onlineDossierShare(counts),
    proceduresWithOnlineDossiersShare: proceduresWithOnlineDossiersShare(counts),
    signedElectronicResultShare: signedElectronicResultShare(counts),
    electronicReturnShare: electronicReturnShare(counts),
    resolvedWithoutDelayShare: resolvedWithoutDelayShare(counts),
    satisfiedRatingShare: satisfiedRatingShare(counts),
    averageRatingScore: averageRatingScore(counts),
  };
}
