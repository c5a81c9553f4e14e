import { Injectable } from '@nestjs/common';
import { EscalationLevel } from '@onestop/contracts';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { ClockRecord } from './clock-record';
import { EscalationEntity } from './escalation.entity';

export interface EscalationEntry {
  record: ClockRecord;
  level: EscalationLevel;
  dueAt: Date;
  escalatedAt: Date;
}

/** An open escalation as the leaders' queues list it. */
export type OpenEscalationRow = Pick<
  EscalationEntity,
  'id' | 'dossierId' | 'code' | 'level' | 'unitCode' | 'assigneeId' | 'dueAt' | 'escalatedAt' | 'resolvedAt'
>;

/** Where an escalation queue reads: a province, optionally one unit and one level, after a keyset cursor. */
export interface EscalationQueueFilter {
  provinceCode: string;
  unitCode: string | null;
  level: EscalationLevel | null;
  after: { at: Date; id: string } | null;
  limit: number;
}

/** The work queues of unit leaders and of the province: late dossiers escalated to them. */
@Injectable()
export class EscalationStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Puts escalated dossiers on the work queue of their level, in one statement; an entry exists once per deadline and level. */
  async record(tx: EntityManager, entries: readonly EscalationEntry[]): Promise<void> {
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
  async resolve(tx: EntityManager, dossierId: string, at: Date): Promise<void> {
    await tx.getRepository(EscalationEntity).update({ dossierId, resolvedAt: IsNull() }, { resolvedAt: at });
  }

  /** The dossier went to another unit or officer: its open escalations go with it. */
  async move(tx: EntityManager, dossierId: string, unitCode: string, assigneeId: string | null): Promise<void> {
    await tx.getRepository(EscalationEntity).update({ dossierId, resolvedAt: IsNull() }, { unitCode, assigneeId });
  }

  /** Open escalations, oldest first, from the index of the open ones. */
  open(filter: EscalationQueueFilter): Promise<OpenEscalationRow[]> {
    return this.dataSource.query(
      `SELECT id, dossier_id AS "dossierId", code, level, unit_code AS "unitCode", assignee_id AS "assigneeId", due_at AS "dueAt",
              escalated_at AS "escalatedAt", resolved_at AS "resolvedAt"
         FROM escalations
        WHERE resolved_at IS NULL AND province_code = $1 AND ($2::text IS NULL OR unit_code = $2) AND ($3::text IS NULL OR level = $3)
          AND ($4::timestamptz IS NULL OR (escalated_at, id) > ($4, $5::uuid))
        ORDER BY escalated_at, id LIMIT $6`,
      [
        filter.provinceCode,
        filter.unitCode,
        filter.level,
        filter.after?.at ?? null,
        filter.after?.id ?? null,
        filter.limit,
      ],
    );
  }
}
