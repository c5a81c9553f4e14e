import { emptyCounts, IndicatorCounts } from '@onestop/reporting';

/** What happened to one dossier, as the simulation did it and as the processing service dated it. */
export interface DossierOutcome {
  receivingUnit: string;
  processingUnit: string;
  procedure: string;
  channel: 'online' | 'counter';
  refusedAt: Date | null;
  receivedAt: Date | null;
  /** The deadline in force at the result (or at the period's end while open), as routing holds it. */
  dueAt: Date | null;
  resolvedAt: Date | null;
  returnedAt: Date | null;
  returnedElectronic: boolean;
}

/** Counts of services the simulation does not run: task monitoring's deadline alarms, notification's failed notices. */
export const NOT_SIMULATED: ReadonlyArray<keyof IndicatorCounts> = [
  'overdueEvents',
  'apologies',
  'undeliverableNotices',
];

/**
 * The counts the indicators must show for a period, from the outcomes alone: receipts and refusals
 * for the receiving desk, results and open dossiers for the processing unit, offered procedures as
 * the unit × procedure pairs that received a dossier. `workingMinutes` is the office time between
 * receipt and result on the province's calendar. Keyed by unit; `null` is the whole province.
 */
export function expectedCounts(
  outcomes: readonly DossierOutcome[],
  period: { start: Date; end: Date },
  workingMinutes: (from: Date, to: Date) => number,
): Map<string | null, IndicatorCounts> {
  const counts = new Map<string | null, IndicatorCounts>();
  const offered = new Map<string | null, Set<string>>();
  const offeredOnline = new Map<string | null, Set<string>>();
  const within = (at: Date | null): at is Date => at !== null && at >= period.start && at < period.end;
  const add = (unit: string, change: (c: IndicatorCounts) => void) => {
    for (const key of [unit, null]) {
      if (!counts.has(key)) counts.set(key, emptyCounts());
      change(counts.get(key)!);
    }
  };
  const pair = (sets: Map<string | null, Set<string>>, unit: string, procedure: string) => {
    for (const key of [unit, null]) sets.set(key, (sets.get(key) ?? new Set()).add(`${unit} ${procedure}`));
  };

  for (const dossier of outcomes) {
    if (within(dossier.refusedAt)) add(dossier.receivingUnit, (c) => (c.refused += 1));
    if (within(dossier.receivedAt)) {
      add(dossier.receivingUnit, (c) => {
        c.received += 1;
        if (dossier.channel === 'online') c.receivedOnline += 1;
      });
      pair(offered, dossier.receivingUnit, dossier.procedure);
      if (dossier.channel === 'online') pair(offeredOnline, dossier.receivingUnit, dossier.procedure);
    }
    const { resolvedAt, receivedAt, dueAt } = dossier;
    if (within(resolvedAt) && receivedAt) {
      const onTime = dueAt !== null && resolvedAt <= dueAt;
      add(dossier.processingUnit, (c) => {
        c.resolved += 1;
        c.signedResults += 1;
        if (onTime) c.resolvedOnTime += 1;
        else c.resolvedLate += 1;
        c.processingMinutesSum += workingMinutes(receivedAt, resolvedAt);
      });
    }
    if (within(dossier.returnedAt)) {
      add(dossier.processingUnit, (c) => {
        c.returned += 1;
        if (dossier.returnedElectronic) c.returnedElectronic += 1;
      });
    }
    const openAtEnd =
      receivedAt !== null && receivedAt < period.end && (resolvedAt === null || resolvedAt >= period.end);
    if (openAtEnd) {
      add(dossier.processingUnit, (c) => {
        if (dueAt !== null && dueAt < period.end) c.openOverdue += 1;
        else c.openWithinDeadline += 1;
      });
    }
  }
  for (const [key, row] of counts) {
    row.proceduresOffered = offered.get(key)?.size ?? 0;
    row.proceduresWithOnlineDossiers = offeredOnline.get(key)?.size ?? 0;
  }
  return counts;
}
