import { isProvinceWide, isUnitOfficer, Principal } from '@onestop/platform';
import { DossierRecord } from './dossier.record';

/**
 * Who may read a dossier at intake: the desk that received it, the unit processing it, the
 * province's own leaders and administrators, and the citizen who filed it online. Anyone else is
 * told it does not exist.
 */
export function mayRead(principal: Principal, dossier: DossierRecord): boolean {
  if (isProvinceWide(principal) && principal.provinceCode === dossier.provinceCode) return true;
  if (principal.roles.includes('citizen') && dossier.accountSubject !== null && dossier.accountSubject === principal.subject) return true;
  // A unit claim reaches the unit's dossiers only with an officer role (not a citizen's, not none).
  if (!isUnitOfficer(principal) || principal.provinceCode !== dossier.provinceCode) return false;
  if (principal.roles.includes('desk-officer') && principal.unitCode === dossier.receivingUnitCode) return true;
  return principal.unitCode === dossier.competentUnitCode;
}

/** The desk officers of the unit that received the dossier: they decide on an online filing. */
export function isReceivingDesk(principal: Principal, dossier: DossierRecord): boolean {
  return isUnitOfficer(principal) && principal.roles.includes('desk-officer') && principal.unitCode === dossier.receivingUnitCode && principal.provinceCode === dossier.provinceCode;
}
