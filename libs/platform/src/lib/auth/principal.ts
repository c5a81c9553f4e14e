import { Actor, PROVINCE_WIDE_ROLES, Role } from '@onestop/contracts';

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

export function isProvinceWide(principal: Principal): boolean {
  return hasAnyRole(principal, PROVINCE_WIDE_ROLES);
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
  if (isProvinceWide(principal)) return principal.provinceCode === scope.provinceCode;
  return principal.unitCode !== null && principal.unitCode === scope.unitCode;
}

/** The principal as the actor of the events it causes (no personal data beyond the account id). */
export function actorOf(principal: Principal): Actor {
  return { kind: 'user', id: principal.subject, roles: principal.roles, unitCode: principal.unitCode };
}
