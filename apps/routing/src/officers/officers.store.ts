import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OfficerEntity } from './officer.entity';

/**
 * An assigned dossier still on its officer's desk: received, in processing, waiting for a
 * supplement or for fees. The literal matches the partial index on the assignee it counts with.
 */
const OPEN_ASSIGNMENT = 'status IN (2, 4, 5, 6)';

/** An officer with the count of open dossiers assigned to him. */
export type OfficerWorkload = Pick<OfficerEntity, 'subject' | 'roles' | 'active'> & { openWorkItems: number };

/** Who may move an officer registered with another unit: a province administrator, within his province. */
export interface MoveAuthority {
  provinceAdmin: boolean;
  provinceCode: string | null;
}

/** The officers table, and the count of each officer's open dossiers that shares work out. */
@Injectable()
export class OfficersStore {
  constructor(private readonly dataSource: DataSource) {}

  /** The unit's officers, active and inactive, by subject. */
  async workloads(unitCode: string): Promise<OfficerWorkload[]> {
    return this.dataSource.query(
      `SELECT o.subject, o.roles, o.active,
              (SELECT count(*)::int FROM routed_dossiers d WHERE d.assignee_id = o.subject AND d.${OPEN_ASSIGNMENT}) AS "openWorkItems"
         FROM officers o WHERE o.unit_code = $1 ORDER BY o.subject`,
      [unitCode],
    );
  }

  /**
   * Registers the officer, or updates him where he stays in his unit or the authority covers the
   * unit he leaves; false when he is registered elsewhere and stays there. The check sits in the
   * upsert's WHERE, so a move racing this one cannot slip an officer out of another unit or province.
   */
  async register(
    officer: Pick<OfficerEntity, 'subject' | 'unitCode' | 'roles' | 'active' | 'updatedAt'>,
    authority: MoveAuthority,
  ): Promise<boolean> {
    const written: unknown[] = await this.dataSource.query(
      `INSERT INTO officers (subject, unit_code, roles, active, updated_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (subject) DO UPDATE SET unit_code = $2, roles = $3, active = $4, updated_at = $5
       WHERE officers.unit_code = $2
          OR ($6 AND EXISTS (SELECT 1 FROM administrative_units current_unit WHERE current_unit.code = officers.unit_code AND current_unit.province_code = $7))
       RETURNING subject`,
      [
        officer.subject,
        officer.unitCode,
        officer.roles,
        officer.active,
        officer.updatedAt,
        authority.provinceAdmin,
        authority.provinceCode,
      ],
    );
    return written.length > 0;
  }

  /**
   * The least-loaded active specialist of the unit (open dossiers assigned), ties to the one
   * registered first; null when the unit has none. Assignments in one unit take turns (a
   * transaction-scoped advisory lock), so each one counts the dossiers the previous one committed:
   * two at once never both pick the same idle officer.
   */
  async leastLoadedSpecialist(tx: EntityManager, unitCode: string): Promise<string | null> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('routing.assign:' || $1))`, [unitCode]);
    const rows: Pick<OfficerEntity, 'subject'>[] = await tx.query(
      `SELECT o.subject FROM officers o
        WHERE o.unit_code = $1 AND o.active AND 'specialist' = ANY (o.roles)
        ORDER BY (SELECT count(*) FROM routed_dossiers d WHERE d.assignee_id = o.subject AND d.${OPEN_ASSIGNMENT}), o.updated_at, o.subject
        LIMIT 1`,
      [unitCode],
    );
    return rows[0]?.subject ?? null;
  }
}
