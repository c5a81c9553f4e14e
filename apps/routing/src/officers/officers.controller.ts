import { Body, Controller, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, ProblemResponses, Roles } from '@onestop/platform';
import { OfficerDto } from './dto/officer.dto';
import { RegisteredOfficerDto } from './dto/registered-officer.dto';
import { UnitOfficersDto } from './dto/unit-officers.dto';
import { OfficersService } from './officers.service';

/** The officers of each unit, among whom new dossiers are shared out (least loaded first). */
@ApiTags('officers')
@Controller('api/v1/units/:unitCode/officers')
export class OfficersController {
  constructor(private readonly officers: OfficersService) {}

  @Get()
  @Roles('unit-leader', 'province-admin')
  @ApiOperation({
    summary:
      "A unit's registered officers with their roles and open work items (the unit's leader or the province administrator)",
  })
  @ApiOkResponse({ type: UnitOfficersDto })
  @ProblemResponses(404)
  list(@Param('unitCode') unitCode: string, @CurrentPrincipal() principal: Principal): Promise<UnitOfficersDto> {
    return this.officers.list(unitCode, principal);
  }

  @Put(':subject')
  @HttpCode(200)
  @Roles('unit-leader', 'province-admin')
  @ApiOperation({
    summary: "Register or update an officer of a unit (the unit's leader or the province administrator)",
  })
  @ApiOkResponse({ type: RegisteredOfficerDto })
  @ProblemResponses(404)
  put(
    @Param('unitCode') unitCode: string,
    @Param('subject') subject: string,
    @Body() officer: OfficerDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RegisteredOfficerDto> {
    return this.officers.register(unitCode, subject, officer, principal);
  }
}
