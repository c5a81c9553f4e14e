import { Injectable } from '@nestjs/common';
import { isProvinceWide, isUnitOfficer, Principal, withinJurisdiction } from '@onestop/platform';
import { EntityManager } from 'typeorm';
import { RoutingProblems } from '../problems';
import { Scope } from '../workflow/dossier-workflow';
import { RoutedDossierEntity } from './routed-dossier.entity';
import { RoutedDossiersStore } from './routed-dossiers.store';

type Relation = 'processing-unit' | 'receiving-desk' | 'province' | 'applicant' | 'none';

/**
 * How the caller stands to a dossier. Officers of other units have no relation at all, and a unit
 * claim alone is no relation: only an officer role gives the unit's reach (a token with no role,
 * or a citizen's carrying a unit_code, sees nothing of the unit's dossiers).
 */
export function relationOf(principal: Principal, dossier: RoutedDossierEntity): Relation {
  if (isProvinceWide(principal) && principal.provinceCode === dossier.provinceCode) return 'province';
  if (withinJurisdiction(principal, { unitCode: dossier.unitCode, provinceCode: dossier.provinceCode }))
    return 'processing-unit';
  if (
    isUnitOfficer(principal) &&
    principal.roles.includes('desk-officer') &&
    principal.unitCode === dossier.receivingUnitCode &&
    principal.provinceCode === dossier.provinceCode
  ) {
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
  constructor(private readonly dossiers: RoutedDossiersStore) {}

  async forRead(id: string, principal: Principal): Promise<RoutedDossierEntity> {
    const dossier = await this.dossiers.find(id);
    if (!dossier || relationOf(principal, dossier) === 'none') throw RoutingProblems.dossierNotFound(id);
    return dossier;
  }

  /** Locks the dossier for the action's transaction, after checking the caller may act on it. */
  async forAction(tx: EntityManager, id: string, principal: Principal, scope: Scope): Promise<RoutedDossierEntity> {
    const dossier = await this.dossiers.lock(tx, id);
    const relation = dossier ? relationOf(principal, dossier) : 'none';
    if (!dossier || relation === 'none') throw RoutingProblems.dossierNotFound(id);
    if (!mayAct(relation, scope)) throw RoutingProblems.actionForProcessingUnit();
    return dossier;
  }
}
