import { Injectable } from '@nestjs/common';
import {
  CalendarDay,
  calendarCorrectionProblems,
  CalendarStore,
  EffectiveCalendarDay,
  effectiveCalendarDays,
} from '@onestop/calendar';
import { WorkingCalendarChanged } from '@onestop/contracts';
import { createEvent, OutboxWriter, requestOrigin } from '@onestop/messaging';
import { Clock, invalidRequest, Principal } from '@onestop/platform';
import { AdministrativeUnits } from '@onestop/reference-data';
import { DataSource } from 'typeorm';
import { IntakeProblems } from '../problems';
import { CalendarYearDto } from './dto/calendar-year.dto';

export interface CalendarYearView {
  year: number;
  /** The province whose effective calendar `days` is; null for the national calendar. */
  provinceCode: string | null;
  /** The year's exceptions to the weekly rule, each marked whether it is the province's correction. */
  days: EffectiveCalendarDay[];
  /** The province's corrections as its administrator gave them (what PUT replaces). */
  corrections: CalendarDay[];
}

function parseYear(value: string): number {
  const year = Number(value);
  if (!/^\d{4}$/.test(value) || year < 2000 || year > 2100)
    throw invalidRequest([
      { field: 'year', code: 'isInt', message: 'must be a year from 2000 to 2100', params: { min: 2000, max: 2100 } },
    ]);
  return year;
}

/**
 * The working calendar as data: the national holidays and swapped working days, the same in every
 * province, and each province's corrections over them, which its administrator makes without a
 * release. A correction changes its province's deadlines only; deadlines already computed keep
 * their dates.
 */
@Injectable()
export class CalendarService {
  constructor(
    private readonly store: CalendarStore,
    private readonly units: AdministrativeUnits,
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  /** The province the query named (`requested`), if any; otherwise the caller's own. */
  async read(
    yearParameter: string,
    requested: string | undefined,
    principal: Principal | undefined,
  ): Promise<CalendarYearView> {
    const year = parseYear(yearParameter);
    const provinceCode = requested ?? principal?.provinceCode ?? null;
    if (provinceCode !== null) await this.checkProvince(provinceCode, requested !== undefined ? 'province' : null);
    return this.view(year, provinceCode);
  }

  /** Replaces the year's corrections of the administrator's own province, and tells every service. */
  async correct(
    yearParameter: string,
    requested: string | undefined,
    body: CalendarYearDto,
    principal: Principal,
  ): Promise<CalendarYearView> {
    const provinceCode = principal.provinceCode;
    if (!provinceCode) throw IntakeProblems.calendarWithoutProvince();
    if (requested !== undefined && requested !== provinceCode)
      throw IntakeProblems.calendarOfOtherProvince(provinceCode);
    await this.checkProvince(provinceCode, null);
    const year = parseYear(yearParameter);
    const { national } = await this.store.year(year, null);
    const problems = calendarCorrectionProblems(body.days, national);
    body.days.forEach((day, index) => {
      // A null or a number in the list is calendarCorrectionProblems' to name; only a day's date is read here.
      const date = day !== null && typeof day === 'object' ? (day as { date?: unknown }).date : undefined;
      if (typeof date === 'string' && !date.startsWith(`${year}-`))
        problems.push({
          field: `days.${index}.date`,
          code: 'notInYear',
          message: `is not in ${year}`,
          params: { year },
        });
    });
    if (problems.length) throw invalidRequest(problems);
    const days = body.days as CalendarDay[];
    const origin = requestOrigin('intake', principal);
    await this.dataSource.transaction(async (tx) => {
      await this.store.replaceCorrections(tx, provinceCode, year, days);
      const payload = { provinceCode, year, days, reason: body.reason };
      await this.outbox.append(tx, [
        createEvent(WorkingCalendarChanged, `calendar-${provinceCode}-${year}`, payload, origin, this.clock.now()),
      ]);
    });
    this.store.invalidate();
    return this.view(year, provinceCode);
  }

  private async view(year: number, provinceCode: string | null): Promise<CalendarYearView> {
    const { national, corrections } = await this.store.year(year, provinceCode);
    return { year, provinceCode, days: effectiveCalendarDays(national, corrections), corrections };
  }

  /** A province of the reference data; otherwise 400 naming `field`, or 403 for the token's own. */
  private async checkProvince(provinceCode: string, field: string | null): Promise<void> {
    const unit = await this.units.find(provinceCode);
    if (unit?.kind === 'province') return;
    if (field)
      throw invalidRequest([{ field, code: 'unknownReference', message: `${provinceCode} is not a province` }]);
    throw IntakeProblems.tokenProvinceUnknown(provinceCode);
  }
}
