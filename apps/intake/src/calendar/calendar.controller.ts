import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CalendarDay, calendarDayProblems, CalendarStore } from '@onestop/calendar';
import { WorkingCalendarChanged } from '@onestop/contracts';
import { createEvent, OutboxWriter, requestOrigin } from '@onestop/messaging';
import { Clock, CurrentPrincipal, invalidRequest, Principal, Public, Roles } from '@onestop/platform';
import { IsArray, IsString, Length } from 'class-validator';
import { DataSource } from 'typeorm';

export class CalendarYearDto {
  @ApiProperty({ description: 'the year\'s exceptions: weekdays off (holiday) and weekend days worked (working-day)' })
  @IsArray()
  days!: unknown[];

  @ApiProperty({ example: 'Thông báo của Bộ Nội vụ về lịch nghỉ Tết 2027' })
  @IsString()
  @Length(5, 500)
  reason!: string;
}

function parseYear(value: string): number {
  const year = Number(value);
  if (!/^\d{4}$/.test(value) || year < 2000 || year > 2100) throw invalidRequest([{ field: 'year', message: 'must be a year from 2000 to 2100' }]);
  return year;
}

/**
 * The working calendar as data: province IT corrects a year (a holiday decided late, a swapped
 * Saturday) without a release. Deadlines already computed keep their dates.
 */
@ApiTags('calendar')
@Controller('api/v1/calendar')
export class CalendarController {
  constructor(
    private readonly store: CalendarStore,
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  @Public()
  @Get(':year')
  @ApiOperation({ summary: "A year's holidays and worked weekend days" })
  async get(@Param('year') year: string): Promise<{ year: number; days: CalendarDay[] }> {
    const parsed = parseYear(year);
    return { year: parsed, days: await this.store.days(parsed) };
  }

  @Put(':year')
  @Roles('province-admin')
  @ApiBearerAuth()
  @ApiOperation({ summary: "Replace a year's exceptions (province administrators); every service follows" })
  async put(@Param('year') year: string, @Body() body: CalendarYearDto, @CurrentPrincipal() principal: Principal) {
    const parsed = parseYear(year);
    const problems = calendarDayProblems(body.days);
    body.days.forEach((day, index) => {
      const date = (day as { date?: unknown }).date;
      if (typeof date === 'string' && !date.startsWith(`${parsed}-`)) problems.push({ field: `days.${index}.date`, message: `is not in ${parsed}` });
    });
    if (problems.length) throw invalidRequest(problems);
    const days = body.days as CalendarDay[];
    const origin = requestOrigin('intake', principal);
    await this.dataSource.transaction(async (tx) => {
      await this.store.replaceYear(tx, parsed, days);
      await this.outbox.append(tx, [createEvent(WorkingCalendarChanged, `calendar-${parsed}`, { year: parsed, days, reason: body.reason }, origin, this.clock.now())]);
    });
    this.store.invalidate();
    return { year: parsed, days: await this.store.days(parsed) };
  }
}
