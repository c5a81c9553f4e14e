import { DeadlineClock, nextFireAt, Triggers } from './deadline-clock';
import { DossierClockEntity } from './dossier-clock.entity';

/** A dossier's clock with what the alarms say about the dossier: who answers for it. */
export interface ClockRecord {
  dossierId: string;
  code: string;
  provinceCode: string;
  unitCode: string;
  assigneeId: string | null;
  procedureCode: string;
  pausesForCitizen: boolean;
  deadlineVersion: number;
  receivedAt: Date;
  closedAt: Date | null;
  clock: DeadlineClock;
}

/** A clock as stored: the clock and the instants its alarms fall due, fixed when it last changed. */
export interface StoredClock {
  record: ClockRecord;
  triggers: Triggers | null;
}

function recordOf(row: DossierClockEntity): ClockRecord {
  return {
    dossierId: row.dossierId,
    code: row.code,
    provinceCode: row.provinceCode,
    unitCode: row.unitCode,
    assigneeId: row.assigneeId,
    procedureCode: row.procedureCode,
    pausesForCitizen: row.pausesForCitizen,
    deadlineVersion: row.deadlineVersion,
    receivedAt: row.receivedAt,
    closedAt: row.closedAt,
    clock: {
      state: row.state,
      budgetMinutes: row.budgetMinutes,
      segmentStart: row.segmentStart,
      remainingMinutes: row.remainingMinutes,
      step: row.step,
      stepStart: row.stepStart,
      stepRemainingMinutes: row.stepRemainingMinutes,
      fired: {
        dueSoon: row.dueSoonFired,
        overdue: row.overdueFired,
        stepOverdue: row.stepOverdueFired,
        escalation: row.escalationLevel,
      },
    },
  };
}

function triggersOf(row: DossierClockEntity): Triggers | null {
  if (!row.dueAt || !row.dueSoonAt || !row.stepDueAt || !row.escalateUnitLeaderAt || !row.escalateProvinceAt)
    return null;
  return {
    dueAt: row.dueAt,
    dueSoonAt: row.dueSoonAt,
    stepDueAt: row.stepDueAt,
    escalateAt: { 'unit-leader': row.escalateUnitLeaderAt, province: row.escalateProvinceAt },
  };
}

export function storedClockOf(row: DossierClockEntity): StoredClock {
  return { record: recordOf(row), triggers: triggersOf(row) };
}

/** The row of a clock with the instants of its alarms and the next one due, as written at `now`. */
export function clockRowOf({ record, triggers }: StoredClock, now: Date): DossierClockEntity {
  const { clock } = record;
  return {
    dossierId: record.dossierId,
    code: record.code,
    provinceCode: record.provinceCode,
    unitCode: record.unitCode,
    assigneeId: record.assigneeId,
    procedureCode: record.procedureCode,
    pausesForCitizen: record.pausesForCitizen,
    state: clock.state,
    budgetMinutes: clock.budgetMinutes,
    segmentStart: clock.segmentStart,
    remainingMinutes: clock.remainingMinutes,
    step: clock.step,
    stepStart: clock.stepStart,
    stepRemainingMinutes: clock.stepRemainingMinutes,
    dueSoonFired: clock.fired.dueSoon,
    overdueFired: clock.fired.overdue,
    stepOverdueFired: clock.fired.stepOverdue,
    escalationLevel: clock.fired.escalation,
    deadlineVersion: record.deadlineVersion,
    dueAt: triggers?.dueAt ?? null,
    dueSoonAt: triggers?.dueSoonAt ?? null,
    stepDueAt: triggers?.stepDueAt ?? null,
    escalateUnitLeaderAt: triggers?.escalateAt['unit-leader'] ?? null,
    escalateProvinceAt: triggers?.escalateAt.province ?? null,
    nextFireAt: nextFireAt(clock, triggers),
    receivedAt: record.receivedAt,
    closedAt: record.closedAt,
    updatedAt: now,
  };
}
