import { Injectable } from '@nestjs/common';
import { isProvinceWide, isUnitOfficer, Principal, ProblemException, withinJurisdiction } from '@onestop/platform';
import { DataSource, EntityManager } from 'typeorm';
import { Scope } from '../workflow/dossier-workflow';
import { ROUTED_COLUMNS, RoutedDossier } from './routed-dossier.record';

type Relation = 'processing-unit' | 'receiving-desk' | 'province' | 'applicant' | 'none';

/**
 * How the caller stands to a dossier. Officers of other units have no relation at all, and a unit
 * claim alone is no relation: only an officer role gives the unit's reach (a token with no role,
 * or a citizen's carrying a unit_code, sees nothing of the unit's dossiers).
 */
export function relationOf(principal: Principal, dossier: RoutedDossier): Relation {
  if (isProvinceWide(principal) && principal.provinceCode === dossier.provinceCode) return 'province';
  if (withinJurisdiction(principal, { unitCode: dossier.unitCode, provinceCode: dossier.provinceCode })) return 'processing-unit';
  if (isUnitOfficer(principal) && principal.roles.includes('desk-officer') && principal.unitCode === dossier.receivingUnitCode && principal.provinceCode === dossier.provinceCode) {
    return 'receiving-desk';
  }
  if (principal.roles.includes('citizen') && dossier.applicant.accountSubject === principal.subject) return 'applicant';
  return 'none';
}

function mayAct(relation: Relation, scope: Scope): boolean {
  if (relation === 'processing-unit' || relation === 'applicant') return true;
  return relation === 'receiving-desk' && scope === 'processing-unit-or-receiving-desk';
}

/**
 * Jurisdiction: a dossier outside the caller's reach answers 404, exactly as a dossier that does
 * not exist, so nothing about it (not even that it exists) reaches another commune.
 */
@Injectable()
export class DossierAccess {
  constructor(private readonly dataSource: DataSource) {}

  async forRead(id: string, principal: Principal): Promise<RoutedDossier> {
    const rows: RoutedDossier[] = await this.dataSource.query(`SELECT ${ROUTED_COLUMNS} FROM routed_dossiers WHERE id = $1`, [id]);
    if (!rows[0] || relationOf(principal, rows[0]) === 'none') throw notFound(id);
    return rows[0];
  }

  /** Locks the dossier for the action's transaction, after checking the caller may act on it. */
  async forAction(tx: EntityManager, id: string, principal: Principal, scope: Scope): Promise<RoutedDossier> {
    const rows: RoutedDossier[] = await tx.query(`SELECT ${ROUTED_COLUMNS} FROM routed_dossiers WHERE id = $1 FOR UPDATE`, [id]);
    const relation = rows[0] ? relationOf(principal, rows[0]) : 'none';
    if (relation === 'none') throw notFound(id);
    if (!mayAct(relation, scope)) throw new ProblemException(403, 'Not allowed', { detail: 'this action belongs to the unit processing the dossier' });
    return rows[0];
  }
}

function notFound(id: string): ProblemException {
  return new ProblemException(404, 'No such dossier', { detail: `no dossier ${id} that you may see` });
}
