import { localDateOf } from '@onestop/calendar';
import { Body, Controller, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { UNIT_ROLES } from '@onestop/contracts';
import { Clock, CurrentPrincipal, Principal, ProblemException, ProblemResponses, Roles } from '@onestop/platform';
import { AdministrativeUnit, AdministrativeUnits } from '@onestop/reference-data';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn } from 'class-validator';
import { DataSource } from 'typeorm';
import { OPEN_ASSIGNMENT } from '../dossiers/assignment.service';

export class OfficerDto {
  /** Roles within the unit only: the registry shares out dossiers; province roles come from the identity provider, never from here. */
  @ApiProperty({ enum: UNIT_ROLES, isArray: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(UNIT_ROLES.length)
  @IsIn(UNIT_ROLES, { each: true, message: `each must be a role within a unit: ${UNIT_ROLES.join(', ')}` })
  roles!: (typeof UNIT_ROLES)[number][];

  @ApiProperty()
  @IsBoolean()
  active!: boolean;
}

export class RegisteredOfficerDto extends OfficerDto {
  @ApiProperty()
  subject!: string;

  @ApiProperty({ example: '19753' })
  unitCode!: string;
}

export class UnitOfficerDto extends OfficerDto {
  @ApiProperty()
  subject!: string;

  @ApiProperty({ example: 3, description: 'the open dossiers assigned to the officer (received, in processing, awaiting a supplement or fees)' })
  openWorkItems!: number;
}

export class UnitOfficersDto {
  @ApiProperty({ example: '19753' })
  unitCode!: string;

  @ApiProperty({ type: [UnitOfficerDto], description: 'active and inactive, by subject' })
  items!: UnitOfficerDto[];
}

/** A unit leader administers his own unit; the province administrator every unit of his province. */
function administers(principal: Principal, unit: AdministrativeUnit): boolean {
  if (principal.roles.includes('province-admin') && principal.provinceCode !== null && unit.provinceCode === principal.provinceCode) return true;
  return principal.roles.includes('unit-leader') && principal.unitCode === unit.code && principal.provinceCode === unit.provinceCode;
}

/** The officers of each unit, among whom new dossiers are shared out (least loaded first). */
@ApiTags('officers')
@Controller('api/v1/units/:unitCode/officers')
export class OfficersController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly units: AdministrativeUnits,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Roles('unit-leader', 'province-admin')
  @ApiOperation({ summary: "A unit's registered officers with their roles and open work items (the unit's leader or the province administrator)" })
  @ApiOkResponse({ type: UnitOfficersDto })
  @ProblemResponses(404)
  async list(@Param('unitCode') unitCode: string, @CurrentPrincipal() principal: Principal): Promise<UnitOfficersDto> {
    const unit = await this.administeredUnit(unitCode, principal);
    const items: UnitOfficerDto[] = await this.dataSource.query(
      `SELECT o.subject, o.roles, o.active,
              (SELECT count(*)::int FROM routed_dossiers d WHERE d.assignee_id = o.subject AND d.${OPEN_ASSIGNMENT}) AS "openWorkItems"
         FROM officers o WHERE o.unit_code = $1 ORDER BY o.subject`,
      [unit.code],
    );
    return { unitCode: unit.code, items };
  }

  @Put(':subject')
  @HttpCode(200)
  @Roles('unit-leader', 'province-admin')
  @ApiOperation({ summary: "Register or update an officer of a unit (the unit's leader or the province administrator)" })
  @ApiOkResponse({ type: RegisteredOfficerDto })
  @ProblemResponses(404)
  async put(@Param('unitCode') unitCode: string, @Param('subject') subject: string, @Body() officer: OfficerDto, @CurrentPrincipal() principal: Principal) {
    const now = this.clock.now();
    await this.administeredUnit(unitCode, principal);
    // Moving an officer takes authority over both units: a unit leader keeps to his own unit, the
    // province administrator to the units of his province. The check sits in the upsert's WHERE,
    // so a move racing this request cannot slip an officer out of another unit or province.
    const provinceAdmin = principal.roles.includes('province-admin') && principal.provinceCode !== null;
    const written: unknown[] = await this.dataSource.query(
      `INSERT INTO officers (subject, unit_code, roles, active, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (subject) DO UPDATE SET unit_code = $2, roles = $3, active = $4, updated_at = $5
       WHERE officers.unit_code = $2
          OR ($6 AND EXISTS (SELECT 1 FROM administrative_units current_unit WHERE current_unit.code = officers.unit_code AND current_unit.province_code = $7))
       RETURNING subject`,
      [subject, unitCode, officer.roles, officer.active, now, provinceAdmin, principal.provinceCode],
    );
    if (written.length === 0) {
      throw new ProblemException(403, 'Officer of another unit', {
        detail: `${subject} is registered with a unit you do not administer; only one who administers both units moves an officer`,
      });
    }
    return { subject, unitCode, ...officer } satisfies RegisteredOfficerDto;
  }

  /** A commune or department in force that the caller administers; to anyone else it does not exist. */
  private async administeredUnit(unitCode: string, principal: Principal): Promise<AdministrativeUnit> {
    const unit = await this.units.current(unitCode, localDateOf(this.clock.now()));
    if (!unit || unit.code !== unitCode || !['commune', 'department'].includes(unit.kind) || !administers(principal, unit)) {
      throw new ProblemException(404, 'No such unit', { detail: `no commune or department ${unitCode} in force that you administer` });
    }
    return unit;
  }
}
