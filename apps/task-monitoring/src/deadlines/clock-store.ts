import { ProcessingStep } from '@onestop/contracts';
import { EntityManager } from 'typeorm';
import { DeadlineClock, nextFireAt, Triggers } from './deadline-clock';

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

export interface ClockRow {
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
  due_at: Date | null;
  due_soon_at: Date | null;
  step_due_at: Date | null;
  escalate_unit_leader_at: Date | null;
  escalate_province_at: Date | null;
}

/** A clock as stored: the clock and the instants its alarms fall due, fixed when it last changed. */
export interface StoredClock {
  record: ClockRecord;
  triggers: Triggers | null;
}

export const CLOCK_COLUMNS = `dossier_id, code, province_code, unit_code, assignee_id, procedure_code, pauses_for_citizen, state, budget_minutes,
  segment_start, remaining_minutes, step, step_start, step_remaining_minutes, due_soon_fired, overdue_fired, step_overdue_fired,
  escalation_level, deadline_version, received_at, closed_at, due_at, due_soon_at, step_due_at, escalate_unit_leader_at, escalate_province_at`;

function recordOf(row: ClockRow): ClockRecord {
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

function triggersOf(row: ClockRow): Triggers | null {
  if (!row.due_at || !row.due_soon_at || !row.step_due_at || !row.escalate_unit_leader_at || !row.escalate_province_at) return null;
  return {
    dueAt: row.due_at,
    dueSoonAt: row.due_soon_at,
    stepDueAt: row.step_due_at,
    escalateAt: { 'unit-leader': row.escalate_unit_leader_at, province: row.escalate_province_at },
  };
}

export function storedClockOf(row: ClockRow): StoredClock {
  return { record: recordOf(row), triggers: triggersOf(row) };
}

/** Reads a dossier's clock and locks it until the transaction ends; null for a dossier never received here. */
export function lockClock(tx: EntityManager, dossierId: string): Promise<StoredClock | null> {
  return selectClock(tx, dossierId, 'FOR UPDATE');
}

/** Reads a dossier's clock as last committed, without waiting for a change in progress; null for a dossier never received here. */
export function readClock(db: EntityManager, dossierId: string): Promise<StoredClock | null> {
  return selectClock(db, dossierId, '');
}

async function selectClock(db: EntityManager, dossierId: string, lock: 'FOR UPDATE' | ''): Promise<StoredClock | null> {
  const rows: ClockRow[] = await db.query(`SELECT ${CLOCK_COLUMNS} FROM dossier_clocks WHERE dossier_id = $1 ${lock}`, [dossierId]);
  return rows.length === 0 ? null : storedClockOf(rows[0]);
}

/**
 * Writes a clock with the instants of its alarms and the next one due. A new clock is inserted
 * only if the dossier has none yet (a receipt seen twice keeps the first).
 */
export async function writeClock(tx: EntityManager, { record, triggers }: StoredClock, now: Date, mode: 'insert' | 'update'): Promise<void> {
  const { clock } = record;
  const onConflict =
    mode === 'insert'
      ? 'DO NOTHING'
      : `DO UPDATE SET
       unit_code = EXCLUDED.unit_code, assignee_id = EXCLUDED.assignee_id, state = EXCLUDED.state,
       segment_start = EXCLUDED.segment_start, remaining_minutes = EXCLUDED.remaining_minutes, step = EXCLUDED.step,
       step_start = EXCLUDED.step_start, step_remaining_minutes = EXCLUDED.step_remaining_minutes,
       due_soon_fired = EXCLUDED.due_soon_fired, overdue_fired = EXCLUDED.overdue_fired, step_overdue_fired = EXCLUDED.step_overdue_fired,
       escalation_level = EXCLUDED.escalation_level, deadline_version = EXCLUDED.deadline_version, closed_at = EXCLUDED.closed_at,
       due_at = EXCLUDED.due_at, due_soon_at = EXCLUDED.due_soon_at, step_due_at = EXCLUDED.step_due_at,
       escalate_unit_leader_at = EXCLUDED.escalate_unit_leader_at, escalate_province_at = EXCLUDED.escalate_province_at,
       next_fire_at = EXCLUDED.next_fire_at, updated_at = EXCLUDED.updated_at`;
  await tx.query(
    `INSERT INTO dossier_clocks (${CLOCK_COLUMNS}, next_fire_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28)
     ON CONFLICT (dossier_id) ${onConflict}`,
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
      triggers?.dueAt ?? null,
      triggers?.dueSoonAt ?? null,
      triggers?.stepDueAt ?? null,
      triggers?.escalateAt['unit-leader'] ?? null,
      triggers?.escalateAt.province ?? null,
      nextFireAt(clock, triggers),
      now,
    ],
  );
}
