import { Injectable } from '@nestjs/common';
import { CalendarStore } from '@onestop/calendar';
import { Clock, decodeCursor, isProvinceWide, page, Principal, ProblemException, viewingScope, withinJurisdiction } from '@onestop/platform';
import { DataSource } from 'typeorm';
import { TaskMonitoringEnv } from '../task-monitoring.env';
import { readClock } from './clock-store';
import { clockSettingsFrom } from './clock-settings';
import { ClockSettings, standingAt } from './deadline-clock';
import { noSuchDossier } from './deadline-access';
import { DeadlinesQueryDto, DeadlineState, EscalationsQueryDto } from './deadlines.dto';

interface DeadlineRow {
  dossierId: string;
  code: string;
  unitCode: string;
  assigneeId: string | null;
  procedureCode: string;
  step: string;
  dueAt: Date;
  dueSoonAt: Date;
  stepDueAt: Date;
  escalationLevel: number;
}

const DEADLINE_COLUMNS = `dossier_id AS "dossierId", code, unit_code AS "unitCode", assignee_id AS "assigneeId", procedure_code AS "procedureCode",
  step, due_at AS "dueAt", due_soon_at AS "dueSoonAt", step_due_at AS "stepDueAt", escalation_level AS "escalationLevel"`;

const ESCALATION_COLUMNS = `id, dossier_id AS "dossierId", code, level, unit_code AS "unitCode", assignee_id AS "assigneeId", due_at AS "dueAt",
  escalated_at AS "escalatedAt", resolved_at AS "resolvedAt"`;

/**
 * Which running clocks a state lists, as a range of `due_at` the deadline indexes read in order.
 * Due soon: not yet due, due within the warning time from now (the bound the warning instant
 * implies, so the range stays narrow), and the warning instant itself passed. `$2` is now, `$3`
 * the end of the warning time.
 */
const STATE_CONDITIONS: Record<DeadlineState | 'both', string> = {
  overdue: 'due_at <= $2 AND $3::timestamptz IS NOT NULL',
  'due-soon': 'due_at > $2 AND due_at <= $3 AND due_soon_at <= $2',
  both: 'due_at <= $3 AND due_soon_at <= $2',
};

/** Deadlines and escalation queues, and one dossier's deadline, in the caller's jurisdiction. */
@Injectable()
export class DeadlineQueries {
  private readonly settings: ClockSettings;

  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: CalendarStore,
    private readonly clock: Clock,
    private readonly env: TaskMonitoringEnv,
  ) {
    this.settings = clockSettingsFrom(env);
  }

  /** A dossier's deadline and the working time left to it now, on its province's working calendar. */
  async dossierDeadline(dossierId: string, principal: Principal) {
    const stored = await readClock(this.dataSource.manager, dossierId);
    if (!stored || !withinJurisdiction(principal, stored.record)) throw noSuchDossier(dossierId);
    const { record, triggers } = stored;
    const now = this.clock.now();
    const standing = standingAt(record.clock, triggers, await this.calendars.calendar(record.provinceCode), this.settings, now);
    return {
      dossierId: record.dossierId,
      code: record.code,
      state: standing.state,
      dueAt: standing.dueAt,
      workingMinutesLeft: standing.workingMinutesLeft,
      paused: standing.state === 'paused',
      ...(standing.stepDueAt && { stepDueAt: standing.stepDueAt }),
      computedAt: now,
    };
  }

  async deadlines(query: DeadlinesQueryDto, principal: Principal) {
    const scope = viewingScope(principal, query.unit, 'deadlines');
    const after = decodeCursor(query.cursor);
    const limit = query.limit ?? 50;
    const now = this.clock.now();
    // The warning time is working time on the calendar of the province the clocks listed belong to.
    const horizon = (await this.calendars.calendar(scope.provinceCode)).addWorkingHours(now, this.env.DUE_SOON_WORKING_MINUTES / 60);
    const condition = STATE_CONDITIONS[query.state ?? 'both'];
    const rows: DeadlineRow[] = await this.dataSource.query(
      `SELECT ${DEADLINE_COLUMNS} FROM dossier_clocks
        WHERE state = 'running' AND province_code = $1 AND ($4::text IS NULL OR unit_code = $4) AND ${condition}
          AND ($5::timestamptz IS NULL OR (due_at, dossier_id) > ($5, $6::uuid))
        ORDER BY due_at, dossier_id LIMIT $7`,
      [scope.provinceCode, now, horizon, scope.unitCode, after?.at ?? null, after?.id ?? null, limit + 1],
    );
    const result = page(rows, limit, (row) => ({ at: row.dueAt, id: row.dossierId }));
    return { ...result, items: result.items.map((row) => ({ ...row, state: row.dueAt <= now ? 'overdue' : 'due-soon' })) };
  }

  async escalations(query: EscalationsQueryDto, principal: Principal) {
    const scope = viewingScope(principal, query.unit, 'deadlines');
    if (!isProvinceWide(principal) && query.level === 'province') {
      throw new ProblemException(403, 'Not allowed', { detail: 'the province queue is for province roles' });
    }
    const level = isProvinceWide(principal) ? (query.level ?? null) : 'unit-leader';
    const after = decodeCursor(query.cursor);
    const limit = query.limit ?? 50;
    const rows: Array<{ id: string; escalatedAt: Date }> = await this.dataSource.query(
      `SELECT ${ESCALATION_COLUMNS} FROM escalations
        WHERE resolved_at IS NULL AND province_code = $1 AND ($2::text IS NULL OR unit_code = $2) AND ($3::text IS NULL OR level = $3)
          AND ($4::timestamptz IS NULL OR (escalated_at, id) > ($4, $5::uuid))
        ORDER BY escalated_at, id LIMIT $6`,
      [scope.provinceCode, scope.unitCode, level, after?.at ?? null, after?.id ?? null, limit + 1],
    );
    return page(rows, limit, (row) => ({ at: row.escalatedAt, id: row.id }));
  }
}
