import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../api/clients';
import type { components, operations } from '../api/generated/intake';

export type Procedure =
  operations['ProceduresController_list']['responses'][200]['content']['application/json']['items'][number];

/** The province's procedure catalogue (current versions): small, read once per session. */
export function useProcedures() {
  return useQuery({
    queryKey: ['procedures'],
    queryFn: () => unwrap(api.intake.GET('/api/v1/procedures')).then((list) => list.items),
    staleTime: 30 * 60_000,
  });
}

/** A procedure's name in the user's language, by code, once the catalogue is loaded. */
export function useProcedureName(): (code: string, language: string) => string {
  const { data } = useProcedures();
  return (code, language) => {
    const procedure = data?.find((candidate) => candidate.code === code);
    return procedure ? (language === 'en' ? procedure.name.en : procedure.name.vi) : code;
  };
}

export type ProvinceUnits = components['schemas']['ProvinceUnitsDto'];
type Commune = ProvinceUnits['communes'][number];

/** The province's communes, wards and service points in force (public, changes rarely): for pickers and for names instead of codes. */
export function useProvinceUnits(provinceCode: string | null | undefined) {
  return useQuery({
    queryKey: ['administrative-units', provinceCode],
    queryFn: () =>
      unwrap(api.intake.GET('/api/v1/administrative-units', { params: { query: { province: provinceCode! } } })),
    enabled: Boolean(provinceCode),
    staleTime: 60 * 60_000,
  });
}

const KINDS = {
  vi: { ward: 'Phường', commune: 'Xã', 'special-zone': 'Đặc khu' },
  en: { ward: 'Ward', commune: 'Commune', 'special-zone': 'Special zone' },
} as const;

/** "Phường Thuỷ Xuân" / "Thuy Xuan Ward": a commune's name with its kind, as people say it. */
export function communeName(commune: Commune, language: string): string {
  const kind = commune.kind ? KINDS[language === 'en' ? 'en' : 'vi'][commune.kind] : null;
  const name = language === 'en' ? commune.nameEn : commune.name;
  // Some names in the reference data already carry their kind ("Phường Kim Long").
  if (!kind || name.toLocaleLowerCase('vi').includes(kind.toLocaleLowerCase('vi'))) return name;
  return language === 'en' ? `${name} ${kind}` : `${kind} ${name}`;
}

/** A unit's name by its code (a commune, ward or service point of the province), or the code where the list does not have it (a department). */
export function useUnitName(provinceCode: string | null | undefined): (code: string, language: string) => string {
  const { data } = useProvinceUnits(provinceCode);
  return (code, language) => {
    const commune = data?.communes.find((candidate) => candidate.code === code);
    if (commune) return communeName(commune, language);
    const point = data?.servicePoints.find((candidate) => candidate.code === code);
    return point ? (language === 'en' ? point.nameEn : point.name) : code;
  };
}
