import { Injectable } from '@nestjs/common';
import { CalendarStore } from '@onestop/calendar';
import {
  Clock,
  decodeCursor,
  isProvinceWide,
  page,
  Principal,
  viewingScope,
  withinJurisdiction,
} from '@onestop/platform';
import { TaskMonitoringProblems } from '../problems';
import { TaskMonitoringEnv } from '../task-monitoring.env';
import { clockSettingsFrom } from './clock-settings';
import { ClockSettings } from './deadline-clock';
import { standingAt } from './deadline-standing';
import { DossierClockStore } from './dossier-clock.store';
import { DeadlinesQueryDto, EscalationsQueryDto } from './dto/deadlines-query.dto';
import { EscalationStore } from './escalation.store';

/** Deadlines and escalation queues, and one dossier's deadline, in the caller's jurisdiction. */
@Injectable()
export class DeadlineQueries {
  private readonly settings: ClockSettings;

  constructor(
    private readonly clocks: DossierClockStore,
    private readonly queues: EscalationStore,
    private readonly calendars: CalendarStore,
    private readonly clock: Clock,
    private readonly env: TaskMonitoringEnv,
  ) {
    this.settings = clockSettingsFrom(env);
  }

  /** A dossier's deadline and the working time left to it now, on its province's working calendar. */
  async dossierDeadline(dossierId: string, principal: Principal) {
    const stored = await this.clocks.read(dossierId);
    if (!stored || !withinJurisdiction(principal, stored.record)) throw TaskMonitoringProblems.noSuchDossier(dossierId);
    const { record, triggers } = stored;
    const now = this.clock.now();
    const standing = standingAt(
      record.clock,
      triggers,
      await this.calendars.calendar(record.provinceCode),
      this.settings,
      now,
    );
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
    const horizon = (await this.calendars.calendar(scope.provinceCode)).addWorkingHours(
      now,
      this.env.DUE_SOON_WORKING_MINUTES / 60,
    );
    const rows = await this.clocks.runningDue({
      provinceCode: scope.provinceCode,
      unitCode: scope.unitCode,
      state: query.state ?? 'both',
      now,
      horizon,
      after,
      limit: limit + 1,
    });
    const result = page(rows, limit, (row) => ({ at: row.dueAt, id: row.dossierId }));
    return {
      ...result,
      items: result.items.map((row) => ({ ...row, state: row.dueAt <= now ? 'overdue' : 'due-soon' })),
    };
  }

  async escalations(query: EscalationsQueryDto, principal: Principal) {
    const scope = viewingScope(principal, query.unit, 'deadlines');
    if (!isProvinceWide(principal) && query.level === 'province') throw TaskMonitoringProblems.provinceQueueForbidden();
    const limit = query.limit ?? 50;
    const rows = await this.queues.open({
      provinceCode: scope.provinceCode,
      unitCode: scope.unitCode,
      level: isProvinceWide(principal) ? (query.level ?? null) : 'unit-leader',
      after: decodeCursor(query.cursor),
      limit: limit + 1,
    });
    return page(rows, limit, (row) => ({ at: row.escalatedAt, id: row.id }));
  }
}
