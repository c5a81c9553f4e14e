import { WorkingCalendar } from '@onestop/calendar';
import { ProcessingStep } from '@onestop/contracts';
import { EntityManager } from 'typeorm';
import { ClockSettings, DeadlineClock, nextFireAt, Triggers, triggersOf } from './deadline-clock';

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

interface ClockRow {
  dossier_id: string;
  code: string;
  province_code: string;
  unit_code: string;
  assignee_id: string | null;
  procedure_code: string;
  pauses_for_citizen: boolean;
  state: DeadlineClock['state'];
  budget_minutes: number;
  segment_start: Date | null;
  remaining_minutes: number;
  step: ProcessingStep;
  step_start: Date | null;
  step_remaining_minutes: number;
  due_soon_fired: boolean;
  overdue_fired: boolean;
  step_overdue_fired: boolean;
  escalation_level: number;
  deadline_version: number;
  received_at: Date;
  closed_at: Date | null;
}

export const CLOCK_COLUMNS = `dossier_id, code, province_code, unit_code, assignee_id, procedure_code, pauses_for_citizen, state, budget_minutes,
  segment_start, remaining_minutes, step, step_start, step_remaining_minutes, due_soon_fired, overdue_fired, step_overdue_fired,
  escalation_level, deadline_version, received_at, closed_at`;

export function recordOf(row: ClockRow): ClockRecord {
  return {
    dossierId: row.dossier_id,
    code: row.code,
    provinceCode: row.province_code,
    unitCode: row.unit_code,
    assigneeId: row.assignee_id,
    procedureCode: row.procedure_code,
    pausesForCitizen: row.pauses_for_citizen,
    deadlineVersion: row.deadline_version,
    receivedAt: row.received_at,
    closedAt: row.closed_at,
    clock: {
      state: row.state,
      budgetMinutes: row.budget_minutes,
      segmentStart: row.segment_start,
      remainingMinutes: row.remaining_minutes,
      step: row.step,
      stepStart: row.step_start,
      stepRemainingMinutes: row.step_remaining_minutes,
      fired: { dueSoon: row.due_soon_fired, overdue: row.overdue_fired, stepOverdue: row.step_overdue_fired, escalation: row.escalation_level },
    },
  };
}

/** Reads a dossier's clock and locks it until the transaction ends; null for a dossier never received here. */
export async function lockClock(tx: EntityManager, dossierId: string): Promise<ClockRecord | null> {
  const rows: ClockRow[] = await tx.query(`SELECT ${CLOCK_COLUMNS} FROM dossier_clocks WHERE dossier_id = $1 FOR UPDATE`, [dossierId]);
  return rows.length === 0 ? null : recordOf(rows[0]);
}

/** The instants stored beside the clock so queries and the scan need no calendar arithmetic. */
export function derivedInstants(record: ClockRecord, calendar: WorkingCalendar, settings: ClockSettings) {
  const triggers: Triggers | null = triggersOf(record.clock, calendar, settings);
  return {
    dueAt: triggers?.dueAt ?? null,
    dueSoonAt: triggers?.dueSoonAt ?? null,
    stepDueAt: triggers?.stepDueAt ?? null,
    nextFireAt: nextFireAt(record.clock, triggers),
  };
}

/** Writes the whole clock, new or changed, with its derived instants. */
export async function saveClock(tx: EntityManager, record: ClockRecord, calendar: WorkingCalendar, settings: ClockSettings, now: Date): Promise<void> {
  const { clock } = record;
  const derived = derivedInstants(record, calendar, settings);
  await tx.query(
    `INSERT INTO dossier_clocks (${CLOCK_COLUMNS}, due_at, due_soon_at, step_due_at, next_fire_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26)
     ON CONFLICT (dossier_id) DO UPDATE SET
       unit_code = EXCLUDED.unit_code, assignee_id = EXCLUDED.assignee_id, state = EXCLUDED.state,
       segment_start = EXCLUDED.segment_start, remaining_minutes = EXCLUDED.remaining_minutes, step = EXCLUDED.step,
       step_start = EXCLUDED.step_start, step_remaining_minutes = EXCLUDED.step_remaining_minutes,
       due_soon_fired = EXCLUDED.due_soon_fired, overdue_fired = EXCLUDED.overdue_fired, step_overdue_fired = EXCLUDED.step_overdue_fired,
       escalation_level = EXCLUDED.escalation_level, deadline_version = EXCLUDED.deadline_version, closed_at = EXCLUDED.closed_at,
       due_at = EXCLUDED.due_at, due_soon_at = EXCLUDED.due_soon_at, step_due_at = EXCLUDED.step_due_at,
       next_fire_at = EXCLUDED.next_fire_at, updated_at = EXCLUDED.updated_at`,
    [
      record.dossierId,
      record.code,
      record.provinceCode,
      record.unitCode,
      record.assigneeId,
      record.procedureCode,
      record.pausesForCitizen,
      clock.state,
      clock.budgetMinutes,
      clock.segmentStart,
      clock.remainingMinutes,
      clock.step,
      clock.stepStart,
      clock.stepRemainingMinutes,
      clock.fired.dueSoon,
      clock.fired.overdue,
      clock.fired.stepOverdue,
      clock.fired.escalation,
      record.deadlineVersion,
      record.receivedAt,
      record.closedAt,
      derived.dueAt,
      derived.dueSoonAt,
      derived.stepDueAt,
      derived.nextFireAt,
      now,
    ],
  );
}
