import { isProvinceWide, isUnitOfficer, Principal } from '@onestop/platform';
import { DocumentEntity } from './document.entity';

/** Who may read a document: a signed result names the applicant. */
export type DocumentReaders = Pick<
  DocumentEntity,
  'provinceCode' | 'unitCode' | 'receivingUnitCode' | 'applicantSubject'
>;

/** The readers of a document signed over another: the same as the source's. */
export function readersOf(document: DocumentEntity): DocumentReaders {
  return {
    provinceCode: document.provinceCode,
    unitCode: document.unitCode,
    receivingUnitCode: document.receivingUnitCode,
    applicantSubject: document.applicantSubject,
  };
}

/**
 * The province's roles; the officers of the processing and the receiving unit; the applicant's own
 * account. Nobody else, however official: not the other units of the province, nor a unit claim
 * without an officer role.
 */
export function mayRead(principal: Principal, document: DocumentReaders): boolean {
  if (isProvinceWide(principal)) return principal.provinceCode === document.provinceCode;
  if (isUnitOfficer(principal) && principal.provinceCode === document.provinceCode) {
    if (principal.unitCode === document.unitCode || principal.unitCode === document.receivingUnitCode) return true;
  }
  return (
    principal.roles.includes('citizen') &&
    document.applicantSubject !== null &&
    principal.subject === document.applicantSubject
  );
}
