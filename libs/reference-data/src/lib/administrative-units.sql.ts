export const CREATE_ADMINISTRATIVE_UNITS = `
CREATE TABLE administrative_units (
  code text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('province', 'commune', 'department', 'service-point')),
  name text NOT NULL,
  name_en text NOT NULL,
  subkind text NOT NULL,
  province_code text REFERENCES administrative_units (code),
  parent_code text REFERENCES administrative_units (code),
  effective_from date NOT NULL,
  effective_to date,
  successor_code text REFERENCES administrative_units (code),
  CHECK (effective_to IS NULL OR effective_to > effective_from),
  CHECK ((kind = 'province') = (province_code IS NULL))
);
CREATE INDEX administrative_units_province ON administrative_units (province_code, kind);
`;

export const UNIT_COLUMNS = `code, kind, name, name_en AS "nameEn", subkind, province_code AS "provinceCode",
  parent_code AS "parentCode", to_char(effective_from, 'YYYY-MM-DD') AS "effectiveFrom",
  to_char(effective_to, 'YYYY-MM-DD') AS "effectiveTo", successor_code AS "successorCode"`;
