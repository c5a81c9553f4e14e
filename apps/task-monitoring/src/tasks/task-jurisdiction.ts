import { Injectable } from '@nestjs/common';
import { FieldProblem } from '@onestop/contracts';
import { isProvinceWide, isUnitOfficer, Principal } from '@onestop/platform';
import { AdministrativeUnits } from '@onestop/reference-data';
import { TaskMonitoringProblems } from '../problems';

/**
 * How far a caller sees into tasks: the whole province (its leaders, administrators and the
 * officers of its departments), or the one commune the caller works for.
 */
export type TaskViewer =
  { level: 'province'; provinceCode: string } | { level: 'commune'; provinceCode: string; communeCode: string };

/** Who assigns a task: the province, or one of its departments. */
export interface TaskAssigner {
  provinceCode: string;
  unitCode: string | null;
}

@Injectable()
export class TaskJurisdiction {
  constructor(private readonly units: AdministrativeUnits) {}

  async viewer(principal: Principal): Promise<TaskViewer> {
    if (isProvinceWide(principal)) return { level: 'province', provinceCode: principal.provinceCode! };
    // The unit's reach comes with an officer role only: a citizen's unit claim sees no task.
    const unit = isUnitOfficer(principal) ? await this.units.find(principal.unitCode!) : null;
    if (unit?.provinceCode && unit.provinceCode === principal.provinceCode) {
      if (unit.kind === 'commune') return { level: 'commune', provinceCode: unit.provinceCode, communeCode: unit.code };
      if (unit.kind === 'department') return { level: 'province', provinceCode: unit.provinceCode };
    }
    throw TaskMonitoringProblems.tasksNotVisible();
  }

  /** Province leaders and administrators, or the leader of one of the province's departments. */
  async assigner(principal: Principal): Promise<TaskAssigner> {
    if (isProvinceWide(principal)) return { provinceCode: principal.provinceCode!, unitCode: null };
    if (principal.roles.includes('unit-leader') && principal.unitCode) {
      const unit = await this.units.find(principal.unitCode);
      if (unit?.kind === 'department' && unit.provinceCode && unit.provinceCode === principal.provinceCode) {
        return { provinceCode: unit.provinceCode, unitCode: unit.code };
      }
    }
    throw TaskMonitoringProblems.tasksNotAssignable();
  }

  /** A problem for each code that is not a commune of the province in force on `today`, or repeats one before it. */
  async communeProblems(codes: readonly string[], provinceCode: string, today: string): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    const seen = new Map<string, number>();
    for (const [index, code] of codes.entries()) {
      const field = `communeCodes.${index}`;
      const first = seen.get(code);
      if (first !== undefined) {
        problems.push({
          field,
          code: 'duplicate',
          message: `repeats communeCodes.${first}`,
          params: { of: `communeCodes.${first}` },
        });
        continue;
      }
      seen.set(code, index);
      const unit = await this.units.find(code);
      if (!unit || unit.kind !== 'commune')
        problems.push({ field, code: 'unknownReference', message: `${code} is not a commune` });
      else if (unit.provinceCode !== provinceCode)
        problems.push({ field, code: 'otherProvince', message: `${code} is a commune of another province` });
      else if ((await this.units.current(code, today))?.code !== code)
        problems.push({
          field,
          code: 'notInForce',
          message: `${code} is not in force on ${today}`,
          params: { date: today },
        });
    }
    return problems;
  }

  async communeName(code: string): Promise<string | null> {
    return (await this.units.find(code))?.name ?? null;
  }
}
