import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DossierContact } from './dossier-contact';
import { DossierContactEntity } from './dossier-contact.entity';

/** The applicants' contacts, written and read in the transactions of the events that carry them. */
@Injectable()
export class DossierContactsStore {
  /** A repeated receipt keeps the first contact, with the latest appointment date it knows. */
  async record(tx: EntityManager, contact: DossierContact, at: Date): Promise<void> {
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

  find(tx: EntityManager, dossierId: string): Promise<DossierContactEntity | null> {
    return tx.findOneBy(DossierContactEntity, { dossierId });
  }

  /** A late result moves the appointment: later notices show the new date. */
  async moveAppointment(tx: EntityManager, dossierId: string, date: string): Promise<void> {
    await tx.update(DossierContactEntity, { dossierId }, { appointmentDate: date });
  }

  /** An approval or rejection waits for its signature; the notice goes out when the result is signed. */
  async recordDecision(
    tx: EntityManager,
    dossierId: string,
    decision: 'approved' | 'rejected' | null,
    reason: string | null,
  ): Promise<void> {
    await tx.update(DossierContactEntity, { dossierId }, { decision, decisionReason: reason });
  }
}
