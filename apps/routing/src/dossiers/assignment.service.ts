import { Injectable } from '@nestjs/common';
import { AdministrativeUnits, departmentUnitCode } from '@onestop/reference-data';
import { PermanentEventError } from '@onestop/messaging';
import { EntityManager } from 'typeorm';
import { RoutedDossier } from './routed-dossier.record';

/**
 * An assigned dossier still on its officer's desk: received, in processing, waiting for a
 * supplement or for fees. The literal matches the partial index on the assignee it counts with.
 */
export const OPEN_ASSIGNMENT = 'status IN (2, 4, 5, 6)';

/** Finds who decides a dossier, and which of that unit's officers takes it. */
@Injectable()
export class AssignmentService {
  constructor(private readonly units: AdministrativeUnits) {}

  /**
   * The competent unit: the subject's commune (or its successor after a reorganisation) for
   * commune procedures, the named department of that commune's province otherwise. The unit that
   * received the dossier plays no part: filing is boundary-free.
   */
  async competentUnit(procedure: RoutedDossier['procedure'], subjectCommuneCode: string, onDate: string): Promise<string> {
    const commune = await this.units.current(subjectCommuneCode, onDate);
    if (!commune || commune.kind !== 'commune') throw new PermanentEventError(`no commune in force for ${subjectCommuneCode} on ${onDate}`);
    if (procedure.competentLevel.kind === 'commune') return commune.code;
    const department = await this.units.current(departmentUnitCode(commune.provinceCode!, procedure.competentLevel.department), onDate);
    if (!department) throw new PermanentEventError(`province ${commune.provinceCode} has no department ${procedure.competentLevel.department}`);
    return department.code;
  }

  /**
   * The least-loaded active specialist of the unit (open dossiers assigned), ties to the one
   * registered first; null when the unit has none yet, and the dossier waits in the unit's queue.
   * Assignments in one unit take turns (a transaction-scoped advisory lock), so each one counts
   * the dossiers the previous one committed: two at once never both pick the same idle officer.
   */
  async leastLoadedOfficer(tx: EntityManager, unitCode: string): Promise<string | null> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('routing.assign:' || $1))`, [unitCode]);
    const rows: { subject: string }[] = await tx.query(
      `SELECT o.subject FROM officers o
        WHERE o.unit_code = $1 AND o.active AND 'specialist' = ANY (o.roles)
        ORDER BY (SELECT count(*) FROM routed_dossiers d WHERE d.assignee_id = o.subject AND d.${OPEN_ASSIGNMENT}), o.updated_at, o.subject
        LIMIT 1`,
      [unitCode],
    );
    return rows[0]?.subject ?? null;
  }
}
