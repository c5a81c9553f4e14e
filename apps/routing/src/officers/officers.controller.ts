import { localDateOf } from '@onestop/calendar';
import { Body, Controller, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ROLES, Role } from '@onestop/contracts';
import { Clock, CurrentPrincipal, Principal, ProblemException, Roles } from '@onestop/platform';
import { AdministrativeUnits } from '@onestop/reference-data';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn } from 'class-validator';
import { DataSource } from 'typeorm';

export class OfficerDto {
  @ApiProperty({ enum: ROLES, isArray: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @ApiProperty()
  @IsBoolean()
  active!: boolean;
}

/** The officers of each unit, among whom new dossiers are shared out (least loaded first). */
@ApiTags('officers')
@ApiBearerAuth()
@Controller('api/v1/units/:unitCode/officers')
export class OfficersController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly units: AdministrativeUnits,
    private readonly clock: Clock,
  ) {}

  @Put(':subject')
  @HttpCode(200)
  @Roles('unit-leader', 'province-admin')
  @ApiOperation({ summary: "Register or update an officer of a unit (the unit's leader or the province administrator)" })
  async put(@Param('unitCode') unitCode: string, @Param('subject') subject: string, @Body() officer: OfficerDto, @CurrentPrincipal() principal: Principal) {
    const now = this.clock.now();
    const unit = await this.units.current(unitCode, localDateOf(now));
    const provinceAdmin = principal.roles.includes('province-admin');
    const allowed = provinceAdmin ? unit?.provinceCode === principal.provinceCode : principal.unitCode === unitCode;
    if (!unit || unit.code !== unitCode || !['commune', 'department'].includes(unit.kind) || !allowed) {
      throw new ProblemException(404, 'No such unit', { detail: `no commune or department ${unitCode} in force that you administer` });
    }
    // A unit leader manages his own unit's officers; only the province moves an officer between units.
    const written: unknown[] = await this.dataSource.query(
      `INSERT INTO officers (subject, unit_code, roles, active, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (subject) DO UPDATE SET unit_code = $2, roles = $3, active = $4, updated_at = $5
       WHERE officers.unit_code = $2 OR $6
       RETURNING subject`,
      [subject, unitCode, officer.roles, officer.active, now, provinceAdmin],
    );
    if (written.length === 0) {
      throw new ProblemException(409, 'Officer of another unit', { detail: `${subject} is registered with another unit; the province administrator moves officers` });
    }
    return { subject, unitCode, ...officer };
  }
}
