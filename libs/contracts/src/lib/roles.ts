/** Roles a token may carry; the province identity provider assigns them. */
export const ROLES = [
  'citizen',
  'desk-officer',
  'specialist',
  'unit-leader',
  'province-leader',
  'province-admin',
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Roles an officer holds within a unit: what a unit's officer registry may record. */
export const UNIT_ROLES = ['desk-officer', 'specialist', 'unit-leader'] as const satisfies readonly Role[];

/** Roles whose holders act for the whole province rather than one unit. */
export const PROVINCE_WIDE_ROLES: readonly Role[] = ['province-leader', 'province-admin'];
