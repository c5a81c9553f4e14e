export type UnitKind = 'province' | 'commune' | 'department' | 'service-point';

/**
 * A unit of the two-level administration, or a service point that receives dossiers for it.
 * Units are never deleted: a reorganisation closes a unit (`effectiveTo`) and names its successor,
 * so dossiers filed before keep pointing at a unit that existed then.
 */
export interface AdministrativeUnit {
  code: string;
  kind: UnitKind;
  name: string;
  nameEn: string;
  /** Ward, Commune, Special administrative region, City, Province, department key... */
  subkind: string;
  provinceCode: string | null;
  /** The commune a service point belongs to. */
  parentCode: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  successorCode: string | null;
}

/** Department units are coded `<province code>.<department key>`, e.g. `46.STP`. */
export function departmentUnitCode(provinceCode: string, departmentKey: string): string {
  return `${provinceCode}.${departmentKey}`;
}

/** Units where a citizen can hand in a dossier: commune centres, service points, department desks. */
export function isReceivingUnit(unit: AdministrativeUnit): boolean {
  return unit.kind !== 'province';
}
