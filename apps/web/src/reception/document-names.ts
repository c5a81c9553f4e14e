import { useProcedures } from '../reference/queries';

/**
 * A document type's name in the user's language, from the procedure's checklist in the catalogue;
 * the type itself when the catalogue is not loaded or no longer lists it.
 */
export function useDocumentName(): (procedureCode: string, type: string, language: string) => string {
  const { data } = useProcedures();
  return (procedureCode, type, language) => {
    const document = data
      ?.find((procedure) => procedure.code === procedureCode)
      ?.requiredDocuments.find((candidate) => candidate.type === type);
    return document ? (language === 'en' ? document.name.en : document.name.vi) : type;
  };
}
