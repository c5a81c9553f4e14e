export const UNIT_COLUMNS = `code, kind, name, name_en AS "nameEn", subkind, province_code AS "provinceCode",
  parent_code AS "parentCode", to_char(effective_from, 'YYYY-MM-DD') AS "effectiveFrom",
  to_char(effective_to, 'YYYY-MM-DD') AS "effectiveTo", successor_code AS "successorCode"`;
