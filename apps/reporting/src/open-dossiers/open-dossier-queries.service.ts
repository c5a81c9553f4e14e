import { Injectable } from '@nestjs/common';
import { CalendarStore } from '@onestop/calendar';
import { Clock, decodeCursor, page, Principal, viewingScope } from '@onestop/platform';
import { DataSource } from 'typeorm';
import { dataAsOf } from '../projections/read-model-freshness';
import { DeadlineCountsQueryDto } from './deadline-counts.dto';
import { OpenDossiersQueryDto, OpenDossierState } from './open-dossiers-query.dto';

/** Task monitoring's default warning time: a dossier is due soon within one working day of its deadline. */
export const DUE_SOON_WORKING_HOURS = 8;

interface OpenDossierRow {
  dossierId: string;
  code: string;
  procedureCode: string;
  unitCode: string;
  status: number;
  lastAction: string | null;
  assigneeId: string | null;
  receivedAt: Date;
  dueAt: Date;
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

/** Open dossiers of a unit judged against their deadline now, from the dossier facts. */
@Injectable()
export class OpenDossierQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: CalendarStore,
    private readonly clock: Clock,
  ) {}

  async list(query: OpenDossiersQueryDto, principal: Principal) {
    const scope = viewingScope(principal, query.unit, 'indicators');
    const after = decodeCursor(query.cursor);
    const limit = query.limit ?? 50;
    const now = this.clock.now();
    const calendar = await this.calendars.calendar(scope.provinceCode);
    const horizon = calendar.addWorkingHours(now, DUE_SOON_WORKING_HOURS);
    const [rows, asOf] = await Promise.all([
      this.dataSource.query(
        `SELECT dossier_id AS "dossierId", code, procedure_code AS "procedureCode", unit_code AS "unitCode", status, last_action AS "lastAction",
                assignee_id AS "assigneeId", received_at AS "receivedAt", due_at AS "dueAt"
           FROM dossier_facts
          WHERE province_code = $1 AND unit_code = $2 AND finished_at IS NULL AND due_at IS NOT NULL
            AND ($3::text IS NULL OR procedure_code = $3) AND ${STATE_RANGES[query.state]}
            AND ($6::timestamptz IS NULL OR (due_at, dossier_id) > ($6, $7::uuid))
          ORDER BY due_at, dossier_id LIMIT $8`,
        [scope.provinceCode, scope.unitCode ?? query.unit, query.procedure ?? null, now, horizon, after?.at ?? null, after?.id ?? null, limit + 1],
      ) as Promise<OpenDossierRow[]>,
      dataAsOf(this.dataSource),
    ]);
    const result = page(rows, limit, (row) => ({ at: row.dueAt, id: row.dossierId }));
    const items = result.items.map((row) => ({
      ...row,
      state: query.state,
      // Positive past the deadline, negative before it: one column the screen sorts and colours by.
      overdueWorkingHours: Math.round((row.dueAt <= now ? calendar.workingHoursBetween(row.dueAt, now) : -calendar.workingHoursBetween(now, row.dueAt)) * 10) / 10,
    }));
    return { items, nextCursor: result.nextCursor, dataAsOf: asOf, asOf: now };
  }

  /** How many of each unit's open dossiers are late and due soon now: the counts behind the lists. */
  async counts(query: DeadlineCountsQueryDto, principal: Principal) {
    const scope = viewingScope(principal, query.unit, 'indicators');
    const now = this.clock.now();
    const horizon = (await this.calendars.calendar(scope.provinceCode)).addWorkingHours(now, DUE_SOON_WORKING_HOURS);
    const [rows, asOf] = await Promise.all([
      this.dataSource.query(
        `SELECT unit_code AS "unitCode", count(*) FILTER (WHERE due_at <= $3)::int AS late, count(*) FILTER (WHERE due_at > $3)::int AS "dueSoon"
           FROM dossier_facts
          WHERE province_code = $1 AND ($2::text IS NULL OR unit_code = $2) AND finished_at IS NULL AND due_at IS NOT NULL AND due_at <= $4
          GROUP BY unit_code
          ORDER BY late DESC, "dueSoon" DESC, unit_code`,
        [scope.provinceCode, scope.unitCode, now, horizon],
      ) as Promise<Array<{ unitCode: string; late: number; dueSoon: number }>>,
      dataAsOf(this.dataSource),
    ]);
    return { asOf: now, dataAsOf: asOf, units: rows };
  }
}
