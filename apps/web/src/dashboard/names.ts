import { useTranslation } from 'react-i18next';
import { useProcedureName, useProcedures, useUnitName } from '../reference/queries';
import type { DatasetWords } from './datasets';
import { DASHBOARD } from './strings';

/** Names instead of codes: communes from the province's units, procedures and their fields from the catalogue. */
export function useNames(provinceCode: string | null) {
  const { t, i18n } = useTranslation(DASHBOARD);
  const unitName = useUnitName(provinceCode);
  const procedureName = useProcedureName();
  const procedures = useProcedures();
  const language = i18n.language;
  return {
    unit: (code: string | null) => (code ? unitName(code, language) : t('names.unknown')),
    procedure: (code: string | null) => (code ? procedureName(code, language) : t('names.unknown')),
    field: (code: string | null) => {
      const field = procedures.data?.find((procedure) => procedure.field.code === code)?.field;
      return field ? (language === 'en' ? field.name.en : field.name.vi) : (code ?? t('names.otherField'));
    },
  };
}

/** The datasets' headers and status names in the screen's language, with a name for the rows' keys. */
export function useDatasetWords(name: (key: string | null) => string): DatasetWords {
  const { t } = useTranslation(DASHBOARD);
  return { header: (key) => t(`headers.${key}`), status: (key) => t(`status.${key}`), name };
}
