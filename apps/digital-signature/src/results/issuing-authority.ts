import { AdministrativeUnit, AdministrativeUnits } from '@onestop/reference-data';

/**
 * The authority that issues a result, as a document in the national format (Decree 30/2020/NĐ-CP)
 * names it: the heading at the top left, the place before the date, the symbol after the number,
 * and who signs for it.
 */
export interface IssuingAuthority {
  /** The authority directly above, as headings abbreviate it ("UBND THÀNH PHỐ HUẾ"); none for a province's committee. */
  superior: string | null;
  /** The authority's own heading, line by line, upper case. */
  heading: string[];
  /** The authority in running text: "Ủy ban nhân dân phường Thuỷ Xuân". */
  name: string;
  /** The place before the date: the commune or the province, without its kind ("Thuỷ Xuân"). */
  place: string;
  /** The authority's part of the document symbol: "UBND", or the department's key ("STP"). */
  symbol: string;
  /** Who heads it ("Chủ tịch", "Giám đốc"), the position a signer holds when the certificate names none. */
  head: string;
  /** A collective body, for which its head signs "TM." (on behalf of); a department's director signs in his own name. */
  collective: string | null;
}

const COMMITTEE = 'Ủy ban nhân dân';
const KIND_PREFIX = /^(Phường|Xã|xã|Đặc khu|Thành phố|Tỉnh)\s+/;

const upper = (text: string) => text.toLocaleUpperCase('vi');
/** "Phường Thuỷ Xuân" → "phường Thuỷ Xuân", as the unit reads after "Ủy ban nhân dân". */
const inRunningText = (unitName: string) => unitName.replace(KIND_PREFIX, (kind) => kind.toLocaleLowerCase('vi'));
const placeOf = (unitName: string) => unitName.replace(KIND_PREFIX, '');

/** The People's Committee of a commune or province, or a department of the province; `province` is the unit's province. */
export function issuingAuthority(unit: AdministrativeUnit, province: AdministrativeUnit | null): IssuingAuthority {
  const committeeOf = (of: AdministrativeUnit) => `UBND ${upper(of.name)}`;
  if (unit.kind === 'department') {
    const own = province ? unit.name.replace(new RegExp(`\\s+${province.name}$`), '') : unit.name;
    return {
      superior: province ? committeeOf(province) : null,
      heading: [upper(own)],
      name: unit.name,
      place: placeOf(province?.name ?? unit.name),
      symbol: unit.subkind,
      head: 'Giám đốc',
      collective: null,
    };
  }
  const committee = {
    symbol: 'UBND',
    head: 'Chủ tịch',
    collective: upper(COMMITTEE),
    name: `${COMMITTEE} ${inRunningText(unit.name)}`,
    place: placeOf(unit.name),
  };
  if (unit.kind === 'province') return { ...committee, superior: null, heading: [upper(COMMITTEE), upper(unit.name)] };
  return { ...committee, superior: province ? committeeOf(province) : null, heading: [committeeOf(unit)] };
}

/**
 * The authority of the unit that decided, on the day it decided: after a reorganisation, the unit
 * that took the old one over; a service point issues nothing, its commune does. Null for a code the
 * reference data does not know.
 */
export async function issuingAuthorityOf(
  units: AdministrativeUnits,
  unitCode: string,
  date: string,
): Promise<IssuingAuthority | null> {
  let unit = (await units.current(unitCode, date)) ?? (await units.find(unitCode));
  if (unit?.kind === 'service-point' && unit.parentCode)
    unit = (await units.current(unit.parentCode, date)) ?? (await units.find(unit.parentCode));
  if (!unit) return null;
  const province = unit.provinceCode ? await units.find(unit.provinceCode) : null;
  return issuingAuthority(unit, province);
}
