import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CalendarDay, calendarCorrectionProblems, CalendarStore, EffectiveCalendarDay, effectiveCalendarDays } from '@onestop/calendar';
import { WorkingCalendarChanged } from '@onestop/contracts';
import { createEvent, OutboxWriter, requestOrigin } from '@onestop/messaging';
import { Clock, CurrentPrincipal, invalidRequest, IsOmittable, Principal, ProblemException, Public, Roles } from '@onestop/platform';
import { AdministrativeUnits } from '@onestop/reference-data';
import { IsArray, IsString, Length, Matches } from 'class-validator';
import { DataSource } from 'typeorm';

const PROVINCE_CODE = /^\d{2}$/;

export class CalendarYearDto {
  @ApiProperty({
    description:
      "the caller's province's corrections of the year, replacing its earlier ones: weekdays off (holiday) and weekend days worked (working-day), " +
      'or, to take back a national exception in the province, a national holiday worked (working-day) or a national working weekend day off (holiday)',
    // The day's shape, declared below; the calendar's own checks validate each day and name the failing one.
    type: () => CalendarDayDto,
    isArray: true,
  })
  @IsArray()
  days!: unknown[];

  @ApiProperty({ example: 'Quyết định của UBND tỉnh về lịch làm việc bù năm 2027' })
  @IsString()
  @Length(5, 500)
  reason!: string;
}

export class CalendarQueryDto {
  @ApiPropertyOptional({ example: '46', description: "a province's code: its effective calendar (a signed-in caller's own province by default)" })
  @IsOmittable()
  @Matches(PROVINCE_CODE, { message: 'must be a two-digit province code' })
  province?: string;
}

export class CalendarCorrectionQueryDto {
  @ApiPropertyOptional({ example: '46', description: "if given, the administrator's own province: no one corrects another province's calendar" })
  @IsOmittable()
  @Matches(PROVINCE_CODE, { message: 'must be a two-digit province code' })
  province?: string;
}

class DayNameDto {
  @ApiProperty({ example: 'Tết Nguyên đán' })
  vi!: string;

  @ApiProperty({ example: 'Lunar New Year' })
  en!: string;
}

class CalendarDayDto {
  @ApiProperty({ format: 'date', example: '2027-02-08' })
  date!: string;

  @ApiProperty({ enum: ['holiday', 'working-day'] })
  kind!: string;

  @ApiProperty({ type: DayNameDto })
  name!: DayNameDto;

  @ApiProperty({ enum: ['law', 'decision', 'assumed'], description: "'assumed' days are derived, not yet published" })
  basis!: string;

  @ApiPropertyOptional({ description: 'the legal text or notice' })
  source?: string;
}

class EffectiveCalendarDayDto extends CalendarDayDto {
  @ApiProperty({ description: "whether the day is the province's correction" })
  correction!: boolean;
}

export class CalendarYearViewDto {
  @ApiProperty({ example: 2027 })
  year!: number;

  @ApiProperty({ type: String, nullable: true, description: 'the province whose effective calendar `days` is; null for the national calendar' })
  provinceCode!: string | null;

  @ApiProperty({ type: [EffectiveCalendarDayDto] })
  days!: EffectiveCalendarDayDto[];

  @ApiProperty({ type: [CalendarDayDto], description: "the province's corrections as its administrator gave them (what PUT replaces)" })
  corrections!: CalendarDayDto[];
}

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
  if (!/^\d{4}$/.test(value) || year < 2000 || year > 2100) throw invalidRequest([{ field: 'year', code: 'isInt', message: 'must be a year from 2000 to 2100', params: { min: 2000, max: 2100 } }]);
  return year;
}

/**
 * The working calendar as data: the national holidays and swapped working days, the same in every
 * province, and each province's corrections over them, which its administrator makes without a
 * release. A correction changes its province's deadlines only; deadlines already computed keep
 * their dates.
 */
@ApiTags('calendar')
@Controller('api/v1/calendar')
export class CalendarController {
  constructor(
    private readonly store: CalendarStore,
    private readonly units: AdministrativeUnits,
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  @Public()
  @Get(':year')
  @ApiOperation({
    summary: "A year's holidays and worked weekend days: the national ones, or a province's effective ones with its corrections marked",
    description: 'Without `province`, a signed-in caller gets the calendar of the province in the token, anyone else the national calendar.',
  })
  @ApiOkResponse({ type: CalendarYearViewDto })
  async get(@Param('year') year: string, @Query() query: CalendarQueryDto, @CurrentPrincipal() principal?: Principal): Promise<CalendarYearView> {
    const parsed = parseYear(year);
    const provinceCode = query.province ?? principal?.provinceCode ?? null;
    if (provinceCode !== null) await this.checkProvince(provinceCode, query.province !== undefined ? 'province' : null);
    return this.view(parsed, provinceCode);
  }

  @Put(':year')
  @Roles('province-admin')
  @ApiOperation({ summary: "Replace a year's corrections of the administrator's own province; that province's deadlines follow in every service" })
  @ApiOkResponse({ type: CalendarYearViewDto })
  async put(@Param('year') year: string, @Query() query: CalendarCorrectionQueryDto, @Body() body: CalendarYearDto, @CurrentPrincipal() principal: Principal): Promise<CalendarYearView> {
    const provinceCode = principal.provinceCode;
    if (!provinceCode) throw new ProblemException(403, 'Not allowed', { detail: "a province's administrator corrects the calendar of the province in the token; this token names none" });
    if (query.province !== undefined && query.province !== provinceCode) {
      throw new ProblemException(403, 'Not allowed', { detail: `you correct the calendar of your own province, ${provinceCode}` });
    }
    await this.checkProvince(provinceCode, null);
    const parsed = parseYear(year);
    const { national } = await this.store.year(parsed, null);
    const problems = calendarCorrectionProblems(body.days, national);
    body.days.forEach((day, index) => {
      // A null or a number in the list is calendarCorrectionProblems' to name; only a day's date is read here.
      const date = day !== null && typeof day === 'object' ? (day as { date?: unknown }).date : undefined;
      if (typeof date === 'string' && !date.startsWith(`${parsed}-`)) problems.push({ field: `days.${index}.date`, code: 'notInYear', message: `is not in ${parsed}`, params: { year: parsed } });
    });
    if (problems.length) throw invalidRequest(problems);
    const days = body.days as CalendarDay[];
    const origin = requestOrigin('intake', principal);
    await this.dataSource.transaction(async (tx) => {
      await this.store.replaceCorrections(tx, provinceCode, parsed, days);
      const payload = { provinceCode, year: parsed, days, reason: body.reason };
      await this.outbox.append(tx, [createEvent(WorkingCalendarChanged, `calendar-${provinceCode}-${parsed}`, payload, origin, this.clock.now())]);
    });
    this.store.invalidate();
    return this.view(parsed, provinceCode);
  }

  private async view(year: number, provinceCode: string | null): Promise<CalendarYearView> {
    const { national, corrections } = await this.store.year(year, provinceCode);
    return { year, provinceCode, days: effectiveCalendarDays(national, corrections), corrections };
  }

  /** A province of the reference data; otherwise 400 naming `field`, or 403 for the token's own. */
  private async checkProvince(provinceCode: string, field: string | null): Promise<void> {
    const unit = await this.units.find(provinceCode);
    if (unit?.kind === 'province') return;
    if (field) throw invalidRequest([{ field, code: 'unknownReference', message: `${provinceCode} is not a province` }]);
    throw new ProblemException(403, 'Not allowed', { detail: `the token names province ${provinceCode}, which is not a province` });
  }
}
