import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Public, Roles } from '@onestop/platform';
import { CalendarService, CalendarYearView } from './calendar.service';
import { CalendarCorrectionQueryDto, CalendarQueryDto } from './dto/calendar-query.dto';
import { CalendarYearViewDto } from './dto/calendar-year-view.dto';
import { CalendarYearDto } from './dto/calendar-year.dto';

/** The national working calendar and each province's corrections over it. */
@ApiTags('calendar')
@Controller('api/v1/calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Public()
  @Get(':year')
  @ApiOperation({
    summary:
      "A year's holidays and worked weekend days: the national ones, or a province's effective ones with its corrections marked",
    description:
      'Without `province`, a signed-in caller gets the calendar of the province in the token, anyone else the national calendar.',
  })
  @ApiOkResponse({ type: CalendarYearViewDto })
  async get(
    @Param('year') year: string,
    @Query() query: CalendarQueryDto,
    @CurrentPrincipal() principal?: Principal,
  ): Promise<CalendarYearView> {
    return this.calendar.read(year, query.province, principal);
  }

  @Put(':year')
  @Roles('province-admin')
  @ApiOperation({
    summary:
      "Replace a year's corrections of the administrator's own province; that province's deadlines follow in every service",
  })
  @ApiOkResponse({ type: CalendarYearViewDto })
  async put(
    @Param('year') year: string,
    @Query() query: CalendarCorrectionQueryDto,
    @Body() body: CalendarYearDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CalendarYearView> {
    return this.calendar.correct(year, query.province, body, principal);
  }
}
