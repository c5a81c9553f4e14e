import { Actor, PROVINCE_WIDE_ROLES, Role } from '@onestop/contracts';
import { ProblemException } from '../errors/problem.exception';

/** The authenticated caller, as the token describes them. */
export interface Principal {
  subject: string;
  roles: Role[];
  /** The commune or department the caller works for; null for citizens and province-wide roles. */
  unitCode: string | null;
  provinceCode: string | null;
}

export function hasAnyRole(principal: Principal, roles: readonly Role[]): boolean {
  return principal.roles.some((role) => roles.includes(role));
}

/** Roles whose holders act for one unit (a commune or a department) and only with its unit code. */
export const UNIT_OFFICER_ROLES: readonly Role[] = ['desk-officer', 'specialist', 'unit-leader'];

/**
 * Province reach: a province role and the province it holds. A unit or province claim alone grants
 * nothing: a citizen with a unit_code claim, or a token whose only role the verifier dropped,
 * reaches no record.
 */
export function isProvinceWide(principal: Principal): boolean {
  return principal.provinceCode !== null && hasAnyRole(principal, PROVINCE_WIDE_ROLES);
}

/** Unit reach: an officer role together with the unit (and its province) the officer works for. */
export function isUnitOfficer(principal: Principal): boolean {
  return principal.unitCode !== null && principal.provinceCode !== null && hasAnyRole(principal, UNIT_OFFICER_ROLES);
}

/** What a record belongs to, for the jurisdiction check. */
export interface JurisdictionScope {
  unitCode: string;
  provinceCode: string;
}

/**
 * Officers act within their own unit; province roles within their province. Filing is
 * boundary-free and is not checked here.
 */
export function withinJurisdiction(principal: Principal, scope: JurisdictionScope): boolean {
  if (isProvinceWide(principal) && principal.provinceCode === scope.provinceCode) return true;
  return (
    isUnitOfficer(principal) && principal.unitCode === scope.unitCode && principal.provinceCode === scope.provinceCode
  );
}

/** What a caller may look over: one unit, or (null) the whole province. */
export interface ViewingScope {
  provinceCode: string;
  unitCode: string | null;
}

/**
 * The scope of a list or report a caller asks for, optionally for one `unit`: province roles see
 * their province or any unit of it; a unit's officers their own unit only (403 for another).
 * `what` names the thing in the refusal ("deadlines", "indicators").
 */
export function viewingScope(principal: Principal, unit: string | undefined, what: string): ViewingScope {
  if (isProvinceWide(principal)) return { provinceCode: principal.provinceCode!, unitCode: unit ?? null };
  if (!isUnitOfficer(principal))
    throw new ProblemException(403, 'Not allowed', { detail: `${what} are for officers of a unit and province roles` });
  if (unit !== undefined && unit !== principal.unitCode) {
    throw new ProblemException(403, 'Not allowed', {
      detail: `you may see the ${what} of your own unit, ${principal.unitCode}`,
    });
  }
  return { provinceCode: principal.provinceCode!, unitCode: principal.unitCode };
}

/** The principal as the actor of the events it causes (no personal data beyond the account id). */
export function actorOf(principal: Principal): Actor {
  return { kind: 'user', id: principal.subject, roles: principal.roles, unitCode: principal.unitCode };
}
