import { DossierContactEntity } from './dossier-contact.entity';

/** A dossier's contact as intake's events carry it, before any decision is recorded on it. */
export type DossierContact = Omit<DossierContactEntity, 'recordedAt' | 'decision' | 'decisionReason'>;

/** The contact as intake's events carry it (a receipt or a refusal). */
export function contactFromIntake(
  dossier: {
    dossierId: string;
    code: string;
    provinceCode: string;
    receivingUnitCode: string;
    procedure: { name: { vi: string; en: string } };
    applicant: { name: string; phone: string; email: string | null; accountSubject: string | null };
  },
  appointmentDate: string | null,
): DossierContact {
  const { applicant } = dossier;
  return {
    dossierId: dossier.dossierId,
    code: dossier.code,
    provinceCode: dossier.provinceCode,
    receivingUnitCode: dossier.receivingUnitCode,
    procedureName: dossier.procedure.name,
    applicantName: applicant.name,
    phone: applicant.phone,
    email: applicant.email,
    accountSubject: applicant.accountSubject,
    appointmentDate,
  };
}
