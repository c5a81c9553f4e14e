import { isProvinceWide, Principal, ProblemException } from '@onestop/platform';

/** What a leader may look at: a unit leader his own unit, province roles their province or one unit of it. */
export interface LeaderScope {
  provinceCode: string;
  /** Null for the whole province. */
  unitCode: string | null;
}

export function leaderScope(principal: Principal, unit: string | undefined): LeaderScope {
  if (isProvinceWide(principal) && principal.provinceCode) return { provinceCode: principal.provinceCode, unitCode: unit ?? null };
  if (!principal.unitCode || !principal.provinceCode) {
    throw new ProblemException(403, 'Not allowed', { detail: 'indicators are for leaders of a unit and province roles' });
  }
  if (unit !== undefined && unit !== principal.unitCode) {
    throw new ProblemException(403, 'Not allowed', { detail: `you may see the indicators of your own unit, ${principal.unitCode}` });
  }
  return { provinceCode: principal.provinceCode, unitCode: principal.unitCode };
}
