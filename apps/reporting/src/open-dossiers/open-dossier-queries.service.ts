import { Injectable } from '@nestjs/common';
import { CalendarStore } from '@onestop/calendar';
import { Clock, decodeCursor, page, Principal, viewingScope } from '@onestop/platform';
import { ReadModelFreshnessStore } from '../read-model/read-model-freshness.store';
import { DeadlineCountsQueryDto } from './dto/deadline-counts.dto';
import { OpenDossiersQueryDto } from './dto/open-dossiers-query.dto';
import { OpenDossierFactsStore } from './open-dossier-facts.store';

/** Task monitoring's default warning time: a dossier is due soon within one working day of its deadline. */
export const DUE_SOON_WORKING_HOURS = 8;

/** Open dossiers of a unit judged against their deadline now, from the dossier facts. */
@Injectable()
export class OpenDossierQueries {
  constructor(
    private readonly openDossiers: OpenDossierFactsStore,
    private readonly freshness: ReadModelFreshnessStore,
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
      this.openDossiers.page({
        provinceCode: scope.provinceCode,
        unitCode: scope.unitCode ?? query.unit,
        procedureCode: query.procedure ?? null,
        state: query.state,
        now,
        horizon,
        after,
        rows: limit + 1,
      }),
      this.freshness.dataAsOf(),
    ]);
    const result = page(rows, limit, (row) => ({ at: row.dueAt, id: row.dossierId }));
    const items = result.items.map((row) => ({
      ...row,
      state: query.state,
      // Positive past the deadline, negative before it: one column the screen sorts and colours by.
      overdueWorkingHours:
        Math.round(
          (row.dueAt <= now
            ? calendar.workingHoursBetween(row.dueAt, now)
            : -calendar.workingHoursBetween(now, row.dueAt)) * 10,
        ) / 10,
    }));
    return { items, nextCursor: result.nextCursor, dataAsOf: asOf, asOf: now };
  }

  /** How many of each unit's open dossiers are late and due soon now: the counts behind the lists. */
  async counts(query: DeadlineCountsQueryDto, principal: Principal) {
    const scope = viewingScope(principal, query.unit, 'indicators');
    const now = this.clock.now();
    const horizon = (await this.calendars.calendar(scope.provinceCode)).addWorkingHours(now, DUE_SOON_WORKING_HOURS);
    const [units, asOf] = await Promise.all([
      this.openDossiers.deadlineCounts(scope.provinceCode, scope.unitCode, now, horizon),
      this.freshness.dataAsOf(),
    ]);
    return { asOf: now, dataAsOf: asOf, units };
  }
}
