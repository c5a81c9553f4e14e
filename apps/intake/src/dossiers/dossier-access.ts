import { isProvinceWide, isUnitOfficer, Principal } from '@onestop/platform';
import { IntakeProblems } from '../problems';
import { DossierEntity } from './dossier.entity';

/**
 * Who may read a dossier at intake: the desk that received it, the unit processing it, the
 * province's own leaders and administrators, and the citizen who filed it online. Anyone else is
 * told it does not exist.
 */
export function mayRead(principal: Principal, dossier: DossierEntity): boolean {
  if (isProvinceWide(principal) && principal.provinceCode === dossier.provinceCode) return true;
  if (
    principal.roles.includes('citizen') &&
    dossier.accountSubject !== null &&
    dossier.accountSubject === principal.subject
  )
    return true;
  // A unit claim reaches the unit's dossiers only with an officer role (not a citizen's, not none).
  if (!isUnitOfficer(principal) || principal.provinceCode !== dossier.provinceCode) return false;
  if (principal.roles.includes('desk-officer') && principal.unitCode === dossier.receivingUnitCode) return true;
  return principal.unitCode === dossier.competentUnitCode;
}

/** The desk officers of the unit that received the dossier: they decide on an online filing. */
export function isReceivingDesk(principal: Principal, dossier: DossierEntity): boolean {
  return (
    isUnitOfficer(principal) &&
    principal.roles.includes('desk-officer') &&
    principal.unitCode === dossier.receivingUnitCode &&
    principal.provinceCode === dossier.provinceCode
  );
}

/**
 * Which dossiers a list may hold: a province, or within it those received at a desk and those a
 * unit processes (either, when both are given).
 */
export interface ListReach {
  provinceCode: string;
  receivingUnitCode: string | null;
  competentUnitCode: string | null;
}

/**
 * A citizen's own list: the dossiers they filed online under their account (its subject), as
 * mayRead shows them; null for an officer or province role, whose lists are by reach.
 */
export function ownFilingsAccount(principal: Principal): string | null {
  if (!principal.roles.includes('citizen') || isUnitOfficer(principal) || isProvinceWide(principal)) return null;
  return principal.subject;
}

/** A search for a citizen's dossiers: every one mayRead shows the caller, none without an officer or province role. */
export function searchReach(principal: Principal): ListReach | null {
  if (isProvinceWide(principal))
    return { provinceCode: principal.provinceCode!, receivingUnitCode: null, competentUnitCode: null };
  if (!isUnitOfficer(principal)) return null;
  const receivingUnitCode = principal.roles.includes('desk-officer') ? principal.unitCode : null;
  return { provinceCode: principal.provinceCode!, receivingUnitCode, competentUnitCode: principal.unitCode };
}

/**
 * The caller's own list, a part of what mayRead shows: a desk officer's, the dossiers filed at
 * the desk (online filings waiting for it among them); another officer's, those the unit
 * processes; a province role's, the province's.
 */
export function worklistReach(principal: Principal): ListReach {
  if (isProvinceWide(principal))
    return { provinceCode: principal.provinceCode!, receivingUnitCode: null, competentUnitCode: null };
  if (!isUnitOfficer(principal)) throw IntakeProblems.listsForOfficersOnly();
  const desk = principal.roles.includes('desk-officer');
  return {
    provinceCode: principal.provinceCode!,
    receivingUnitCode: desk ? principal.unitCode : null,
    competentUnitCode: desk ? null : principal.unitCode,
  };
}
