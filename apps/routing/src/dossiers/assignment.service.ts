import { Injectable } from '@nestjs/common';
import { AdministrativeUnits, departmentUnitCode } from '@onestop/reference-data';
import { PermanentEventError } from '@onestop/messaging';
import { EntityManager } from 'typeorm';
import { OfficersStore } from '../officers/officers.store';
import { RoutedDossierEntity } from './routed-dossier.entity';

/** Finds who decides a dossier, and which of that unit's officers takes it. */
@Injectable()
export class AssignmentService {
  constructor(
    private readonly units: AdministrativeUnits,
    private readonly officers: OfficersStore,
  ) {}

  /**
   * The competent unit: the subject's commune (or its successor after a reorganisation) for
   * commune procedures, the named department of that commune's province otherwise. The unit that
   * received the dossier plays no part: filing is boundary-free.
   */
  async competentUnit(
    procedure: RoutedDossierEntity['procedure'],
    subjectCommuneCode: string,
    onDate: string,
  ): Promise<string> {
    const commune = await this.units.current(subjectCommuneCode, onDate);
    if (!commune || commune.kind !== 'commune')
      throw new PermanentEventError(`no commune in force for ${subjectCommuneCode} on ${onDate}`);
    if (procedure.competentLevel.kind === 'commune') return commune.code;
    const department = await this.units.current(
      departmentUnitCode(commune.provinceCode!, procedure.competentLevel.department),
      onDate,
    );
    if (!department)
      throw new PermanentEventError(
        `province ${commune.provinceCode} has no department ${procedure.competentLevel.department}`,
      );
    return department.code;
  }

  /** The officer who takes a dossier arriving in the unit; null when it has none yet, and the dossier waits in the unit's queue. */
  async assignee(tx: EntityManager, unitCode: string): Promise<string | null> {
    return this.officers.leastLoadedSpecialist(tx, unitCode);
  }
}
