import { DossierStatusCode } from '@onestop/contracts';

/** A dossier row as intake keeps it (the citizen ID only as ciphertext and blind index). */
export interface DossierRecord {
  id: string;
  code: string;
  status: DossierStatusCode;
  procedureCode: string;
  procedureVersion: number;
  provinceCode: string;
  receivingUnitCode: string;
  competentUnitCode: string | null;
  channel: 'online' | 'counter' | 'postal';
  applicantName: string;
  applicantPhone: string;
  applicantEmail: string | null;
  applicantAddress: string;
  applicantCommuneCode: string;
  subjectCommuneCode: string;
  citizenIdCiphertext: string;
  accountSubject: string | null;
  documents: { type: string; fileName: string; sha256: string; size: number }[];
  missingDocuments: string[];
  intakeNote: string | null;
  filedBy: string;
  requestHash: string;
  filedAt: Date;
  receivedAt: Date | null;
  countingFrom: Date | null;
  dueAt: Date | null;
  appointmentDate: string | null;
  resultChannel: string | null;
  version: number;
}

export const DOSSIER_COLUMNS = `id, code, status, procedure_code AS "procedureCode", procedure_version AS "procedureVersion",
  province_code AS "provinceCode", receiving_unit_code AS "receivingUnitCode", competent_unit_code AS "competentUnitCode",
  channel, applicant_name AS "applicantName", applicant_phone AS "applicantPhone", applicant_email AS "applicantEmail",
  applicant_address AS "applicantAddress", applicant_commune_code AS "applicantCommuneCode",
  subject_commune_code AS "subjectCommuneCode", citizen_id_ciphertext AS "citizenIdCiphertext",
  account_subject AS "accountSubject", documents, missing_documents AS "missingDocuments", intake_note AS "intakeNote",
  filed_by AS "filedBy", request_hash AS "requestHash", filed_at AS "filedAt", received_at AS "receivedAt",
  counting_from AS "countingFrom", due_at AS "dueAt", to_char(appointment_date, 'YYYY-MM-DD') AS "appointmentDate",
  result_channel AS "resultChannel", version`;
