import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DossierFactEntity } from '../read-model/dossier-fact.entity';
import { OpenDossierState } from './dto/open-dossiers-query.dto';

/** An open dossier as the drill-down lists it: its running clock makes `receivedAt` and `dueAt` known. */
export type OpenDossierRow = Pick<
  DossierFactEntity,
  'dossierId' | 'code' | 'procedureCode' | 'unitCode' | 'status' | 'lastAction' | 'assigneeId'
> & { receivedAt: Date; dueAt: Date };

/** How many of a unit's open dossiers are late and due soon. */
export interface UnitDeadlineCount {
  unitCode: string;
  late: number;
  dueSoon: number;
}

/** One page of a unit's open dossiers in one state, judged at `now` with `horizon` the end of the warning time. */
export interface OpenDossierPageQuery {
  provinceCode: string;
  unitCode: string;
  procedureCode: string | null;
  state: OpenDossierState;
  now: Date;
  horizon: Date;
  after: { at: Date; id: string } | null;
  /** Rows to read: one more than the page, to tell whether another follows. */
  rows: number;
}

/**
 * Each state as a range of `due_at` on the open-dossier index, read in order: late is before now,
 * due soon from now to the end of the warning time. `$4` is now, `$5` the end of the warning time
 * (named by late too, so that PostgreSQL knows its type).
 */
const STATE_RANGES: Record<OpenDossierState, string> = {
  late: 'due_at <= $4 AND $5::timestamptz IS NOT NULL',
  'due-soon': 'due_at > $4 AND due_at <= $5',
};

/** The open dossiers among the facts, read through the partial index of open dossiers by deadline. */
@Injectable()
export class OpenDossierFactsStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Keyset pages in deadline order (then dossier id), from after the cursor's dossier. */
  page(query: OpenDossierPageQuery): Promise<OpenDossierRow[]> {
    return this.dataSource.query(
      `SELECT dossier_id AS "dossierId", code, procedure_code AS "procedureCode", unit_code AS "unitCode", status, last_action AS "lastAction",
              assignee_id AS "assigneeId", received_at AS "receivedAt", due_at AS "dueAt"
         FROM dossier_facts
        WHERE province_code = $1 AND unit_code = $2 AND finished_at IS NULL AND due_at IS NOT NULL
          AND ($3::text IS NULL OR procedure_code = $3) AND ${STATE_RANGES[query.state]}
          AND ($6::timestamptz IS NULL OR (due_at, dossier_id) > ($6, $7::uuid))
        ORDER BY due_at, dossier_id LIMIT $8`,
      [
        query.provinceCode,
        query.unitCode,
        query.procedureCode,
        query.now,
        query.horizon,
        query.after?.at ?? null,
        query.after?.id ?? null,
        query.rows,
      ],
    );
  }

  /** Per unit of the scope (one unit, or the province's when null), the open dossiers late at `now` and due by `horizon`; most late first. */
  deadlineCounts(
    provinceCode: string,
    unitCode: string | null,
    now: Date,
    horizon: Date,
  ): Promise<UnitDeadlineCount[]> {
    return this.dataSource.query(
      `SELECT unit_code AS "unitCode", count(*) FILTER (WHERE due_at <= $3)::int AS late, count(*) FILTER (WHERE due_at > $3)::int AS "dueSoon"
         FROM dossier_facts
        WHERE province_code = $1 AND ($2::text IS NULL OR unit_code = $2) AND finished_at IS NULL AND due_at IS NOT NULL AND due_at <= $4
        GROUP BY unit_code
        ORDER BY late DESC, "dueSoon" DESC, unit_code`,
      [provinceCode, unitCode, now, horizon],
    );
  }
}
