/**
 * Counters summed over a period and a scope (units × procedures), as the reporting read model keeps
 * them per unit × procedure × local day. Every indicator is a pure function of these numbers.
 *
 * Three kinds of numbers live here, and they combine differently:
 * - flows (received … satisfiedRatings): events dated inside the period; they add across scopes and across
 *   consecutive periods;
 * - stocks (openWithinDeadline, openOverdue): dossiers still open at the end of the period; they add
 *   across scopes, never across periods (the same open dossier would be counted at each period end);
 * - distinct procedure counts (proceduresWithOnlineDossiers, proceduresOffered): unit × procedure
 *   pairs; they add across disjoint scopes, never across periods or days.
 */
export interface IndicatorCounts {
  /** Dossiers received (status 2) in the period, on every channel. */
  received: number;
  /** Of those, filed online (status 1 then 2). */
  receivedOnline: number;
  /** Dossiers refused at intake (status 3). */
  refused: number;
  /** Dossiers that reached status 9, done: result ready and signed. */
  resolved: number;
  /** Of the resolved, by the deadline set at receipt (an apology's new date does not make a dossier on time). */
  resolvedOnTime: number;
  /** Of the resolved, after that deadline. */
  resolvedLate: number;
  /** Working minutes from receipt to result, summed over the resolved dossiers. */
  processingMinutesSum: number;
  /** Dossiers stopped by the unit (status 8). */
  stopped: number;
  /** Dossiers withdrawn by the applicant (status 7). */
  withdrawn: number;
  /** Results handed over (status 10), on every channel. */
  returned: number;
  /** Of those, handed over electronically. */
  returnedElectronic: number;
  /** Resolved dossiers whose result is an electronic document carrying a digital signature. */
  signedResults: number;
  /** Times a dossier passed its deadline while open (one event per dossier). */
  overdueEvents: number;
  /** Apology letters issued, each with a new appointment date (a dossier may receive more than one). */
  apologies: number;
  /** Notices about the unit's dossiers that could not reach the applicant on a channel. */
  undeliverableNotices: number;
  /**
   * Ratings applicants gave once their results were handed over (one per dossier at most), on the
   * day they rated, for the unit that processed the dossier: outcomes are that unit's doing.
   */
  ratings: number;
  /** Their scores (1 to 5) summed. */
  ratingPointsSum: number;
  /** Of the ratings, those of 4 or 5: satisfied. */
  satisfiedRatings: number;
  /** Still open at the end of the period and not past the deadline. */
  openWithinDeadline: number;
  /** Still open at the end of the period and past the deadline. */
  openOverdue: number;
  /** Unit × procedure pairs in scope that received at least one online dossier in the period. */
  proceduresWithOnlineDossiers: number;
  /** Unit × procedure pairs in scope that the units offer. */
  proceduresOffered: number;
}

/** Written out in full so the compiler rejects a field added to IndicatorCounts but not here. */
const ZERO_COUNTS: Readonly<IndicatorCounts> = {
  received: 0,
  receivedOnline: 0,
  refused: 0,
  resolved: 0,
  resolvedOnTime: 0,
  resolvedLate: 0,
  processingMinutesSum: 0,
  stopped: 0,
  withdrawn: 0,
  returned: 0,
  returnedElectronic: 0,
  signedResults: 0,
  overdueEvents: 0,
  apologies: 0,
  undeliverableNotices: 0,
  ratings: 0,
  ratingPointsSum: 0,
  satisfiedRatings: 0,
  openWithinDeadline: 0,
  openOverdue: 0,
  proceduresWithOnlineDossiers: 0,
  proceduresOffered: 0,
};

export const INDICATOR_COUNT_FIELDS = Object.keys(ZERO_COUNTS) as readonly (keyof IndicatorCounts)[];

export function emptyCounts(): IndicatorCounts {
  return { ...ZERO_COUNTS };
}

/**
 * The counts of two disjoint scopes of the same period (two units, or two sets of procedures),
 * field by field. Not for joining two periods of one scope: stocks and distinct procedure counts
 * would be counted twice (see IndicatorCounts).
 */
export function addCounts(a: IndicatorCounts, b: IndicatorCounts): IndicatorCounts {
  const sum = emptyCounts();
  for (const field of INDICATOR_COUNT_FIELDS) sum[field] = a[field] + b[field];
  return sum;
}
