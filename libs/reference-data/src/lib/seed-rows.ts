import units from '../../data/vn-admin-units.json';
import departments from '../../data/province-departments.json';
import { AdministrativeUnit, departmentUnitCode } from './administrative-unit';

/** The units of the bundled reference files, provinces first so parent links resolve. */
export function seedUnits(): AdministrativeUnit[] {
  const from = units.effectiveFrom;
  const base = { effectiveFrom: from, effectiveTo: null, successorCode: null, parentCode: null };
  return units.provinces.flatMap((province) => [
    { ...base, code: province.code, kind: 'province' as const, name: province.fullName, nameEn: province.fullNameEn, subkind: province.kind, provinceCode: null },
    ...province.communes.map((commune) => ({
      ...base,
      code: commune.code,
      kind: 'commune' as const,
      name: commune.fullName,
      nameEn: commune.fullNameEn,
      subkind: commune.kind,
      provinceCode: province.code,
    })),
    ...departments.departments.map((department) => ({
      ...base,
      code: departmentUnitCode(province.code, department.key),
      kind: 'department' as const,
      name: `${department.name} ${province.fullName}`,
      nameEn: `${department.nameEn}, ${province.fullNameEn}`,
      subkind: department.key,
      provinceCode: province.code,
    })),
  ]);
}
