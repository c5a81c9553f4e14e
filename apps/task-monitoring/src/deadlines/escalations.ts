import { EscalationLevel } from '@onestop/contracts';
import { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { ClockRecord } from './clock-store';

export interface EscalationEntry {
  record: ClockRecord;
  level: EscalationLevel;
  dueAt: Date;
  escalatedAt: Date;
}

/** Puts escalated dossiers on the work queue of their level; an entry exists once per deadline and level. */
export async function recordEscalations(tx: EntityManager, entries: readonly EscalationEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const column = <T>(pick: (entry: EscalationEntry) => T) => entries.map(pick);
  await tx.query(
    `INSERT INTO escalations (id, dossier_id, deadline_version, level, code, province_code, unit_code, assignee_id, due_at, escalated_at)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::timestamptz[], $10::timestamptz[])
     ON CONFLICT (dossier_id, deadline_version, level) DO NOTHING`,
    [
      column(() => uuidv7()),
      column((entry) => entry.record.dossierId),
      column((entry) => entry.record.deadlineVersion),
      column((entry) => entry.level),
      column((entry) => entry.record.code),
      column((entry) => entry.record.provinceCode),
      column((entry) => entry.record.unitCode),
      column((entry) => entry.record.assigneeId),
      column((entry) => entry.dueAt),
      column((entry) => entry.escalatedAt),
    ],
  );
}

/** The dossier closed, or a new appointment was agreed: its open escalations are settled. */
export async function resolveEscalations(tx: EntityManager, dossierId: string, at: Date): Promise<void> {
  await tx.query('UPDATE escalations SET resolved_at = $2 WHERE dossier_id = $1 AND resolved_at IS NULL', [dossierId, at]);
}

/** The dossier went to another unit or officer: its open escalations go with it. */
export async function moveEscalations(tx: EntityManager, dossierId: string, unitCode: string, assigneeId: string | null): Promise<void> {
  await tx.query('UPDATE escalations SET unit_code = $2, assignee_id = $3 WHERE dossier_id = $1 AND resolved_at IS NULL', [dossierId, unitCode, assigneeId]);
}
