import { Injectable } from '@nestjs/common';
import { localDateOf } from '@onestop/calendar';
import { Clock, Principal } from '@onestop/platform';
import { AdministrativeUnit, AdministrativeUnits } from '@onestop/reference-data';
import { RoutingProblems } from '../problems';
import { OfficerDto } from './dto/officer.dto';
import { RegisteredOfficerDto } from './dto/registered-officer.dto';
import { UnitOfficersDto } from './dto/unit-officers.dto';
import { OfficersStore } from './officers.store';

/** A unit leader administers his own unit; the province administrator every unit of his province. */
function administers(principal: Principal, unit: AdministrativeUnit): boolean {
  if (
    principal.roles.includes('province-admin') &&
    principal.provinceCode !== null &&
    unit.provinceCode === principal.provinceCode
  )
    return true;
  return (
    principal.roles.includes('unit-leader') &&
    principal.unitCode === unit.code &&
    principal.provinceCode === unit.provinceCode
  );
}

/** The registry of each unit's officers, kept by those who administer the unit. */
@Injectable()
export class OfficersService {
  constructor(
    private readonly officers: OfficersStore,
    private readonly units: AdministrativeUnits,
    private readonly clock: Clock,
  ) {}

  async list(unitCode: string, principal: Principal): Promise<UnitOfficersDto> {
    const unit = await this.administeredUnit(unitCode, principal);
    return { unitCode: unit.code, items: await this.officers.workloads(unit.code) };
  }

  /**
   * Moving an officer takes authority over both units: a unit leader keeps to his own unit, the
   * province administrator to the units of his province.
   */
  async register(
    unitCode: string,
    subject: string,
    officer: OfficerDto,
    principal: Principal,
  ): Promise<RegisteredOfficerDto> {
    const now = this.clock.now();
    await this.administeredUnit(unitCode, principal);
    const provinceAdmin = principal.roles.includes('province-admin') && principal.provinceCode !== null;
    const written = await this.officers.register(
      { subject, unitCode, roles: officer.roles, active: officer.active, updatedAt: now },
      { provinceAdmin, provinceCode: principal.provinceCode },
    );
    if (!written) throw RoutingProblems.officerOfAnotherUnit(subject);
    return { subject, unitCode, ...officer };
  }

  /** A commune or department in force that the caller administers; to anyone else it does not exist. */
  private async administeredUnit(unitCode: string, principal: Principal): Promise<AdministrativeUnit> {
    const unit = await this.units.current(unitCode, localDateOf(this.clock.now()));
    if (
      !unit ||
      unit.code !== unitCode ||
      !['commune', 'department'].includes(unit.kind) ||
      !administers(principal, unit)
    ) {
      throw RoutingProblems.unitNotFound(unitCode);
    }
    return unit;
  }
}
