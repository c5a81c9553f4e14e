import { EntityManager } from 'typeorm';

/** How to reach a dossier's applicant, kept from intake's events for the notices that follow. */
export interface DossierContact {
  dossierId: string;
  code: string;
  provinceCode: string;
  receivingUnitCode: string;
  procedureName: { vi: string; en: string };
  applicantName: string;
  phone: string | null;
  email: string | null;
  accountSubject: string | null;
  appointmentDate: string | null;
  decision?: 'approved' | 'rejected' | null;
  decisionReason?: string | null;
}

/** The contact as intake's events carry it (a receipt or a refusal). */
export function contactFromIntake(
  dossier: { dossierId: string; code: string; provinceCode: string; receivingUnitCode: string; procedure: { name: { vi: string; en: string } }; applicant: { name: string; phone: string; email: string | null; accountSubject: string | null } },
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

const COLUMNS = `dossier_id AS "dossierId", code, province_code AS "provinceCode", receiving_unit_code AS "receivingUnitCode",
  procedure_name AS "procedureName", applicant_name AS "applicantName", phone, email, account_subject AS "accountSubject",
  to_char(appointment_date, 'YYYY-MM-DD') AS "appointmentDate", decision, decision_reason AS "decisionReason"`;

export async function recordContact(tx: EntityManager, contact: DossierContact, at: Date): Promise<void> {
  await tx.query(
    `INSERT INTO dossier_contacts (dossier_id, code, province_code, receiving_unit_code, procedure_name, applicant_name, phone, email, account_subject, appointment_date, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (dossier_id) DO UPDATE SET appointment_date = COALESCE(EXCLUDED.appointment_date, dossier_contacts.appointment_date), recorded_at = EXCLUDED.recorded_at`,
    [
      contact.dossierId,
      contact.code,
      contact.provinceCode,
      contact.receivingUnitCode,
      JSON.stringify(contact.procedureName),
      contact.applicantName,
      contact.phone,
      contact.email,
      contact.accountSubject,
      contact.appointmentDate,
      at,
    ],
  );
}

export async function contactOf(tx: EntityManager, dossierId: string): Promise<DossierContact | null> {
  const rows: DossierContact[] = await tx.query(`SELECT ${COLUMNS} FROM dossier_contacts WHERE dossier_id = $1`, [dossierId]);
  return rows[0] ?? null;
}

/** A late result moves the appointment: later notices show the new date. */
export async function moveAppointment(tx: EntityManager, dossierId: string, date: string): Promise<void> {
  await tx.query('UPDATE dossier_contacts SET appointment_date = $2 WHERE dossier_id = $1', [dossierId, date]);
}

/** An approval or rejection waits for its signature; the notice goes out when the result is signed. */
export async function recordDecision(tx: EntityManager, dossierId: string, decision: 'approved' | 'rejected' | null, reason: string | null): Promise<void> {
  await tx.query('UPDATE dossier_contacts SET decision = $2, decision_reason = $3 WHERE dossier_id = $1', [dossierId, decision, reason]);
}
