import { isProvinceWide, Principal } from '@onestop/platform';
import { DossierRecord } from './dossier.record';

/**
 * Who may read a dossier at intake: the desk that received it, the unit processing it, the
 * province's own leaders and administrators, and the citizen who filed it online. Anyone else is
 * told it does not exist.
 */
export function mayRead(principal: Principal, dossier: DossierRecord): boolean {
  if (isProvinceWide(principal)) return principal.provinceCode === dossier.provinceCode;
  if (principal.roles.includes('citizen') && dossier.accountSubject === principal.subject) return true;
  if (principal.unitCode === null) return false;
  if (principal.roles.includes('desk-officer') && principal.unitCode === dossier.receivingUnitCode) return true;
  return principal.unitCode === dossier.competentUnitCode && principal.roles.some((role) => role !== 'citizen');
}
