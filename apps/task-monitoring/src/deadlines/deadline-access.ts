import { isProvinceWide, Principal, ProblemException } from '@onestop/platform';
import { ClockRecord } from './clock-store';

/** Whose deadlines a caller may see: a unit's officers their unit's, province roles their province's. */
export interface DeadlineScope {
  provinceCode: string;
  unitCode: string | null;
}

export function deadlineScope(principal: Principal, unit: string | undefined): DeadlineScope {
  if (isProvinceWide(principal) && principal.provinceCode) return { provinceCode: principal.provinceCode, unitCode: unit ?? null };
  if (!principal.unitCode || !principal.provinceCode) throw new ProblemException(403, 'Not allowed', { detail: 'deadlines are for officers of a unit and province roles' });
  if (unit !== undefined && unit !== principal.unitCode) {
    throw new ProblemException(403, 'Not allowed', { detail: `you may see the deadlines of your own unit, ${principal.unitCode}` });
  }
  return { provinceCode: principal.provinceCode, unitCode: principal.unitCode };
}

export function mayAnswerFor(principal: Principal, record: ClockRecord): boolean {
  if (isProvinceWide(principal)) return principal.provinceCode === record.provinceCode;
  return principal.unitCode === record.unitCode;
}

export function noSuchDossier(id: string): ProblemException {
  return new ProblemException(404, 'No such dossier', { detail: `no dossier ${id} that you may see` });
}
