import { DossierApologyIssued, DossierStatusCode, EnvelopeOf, EventEnvelope } from '@onestop/contracts';
import { EntityManager } from 'typeorm';
import { PublicStep } from './dossier-views';

/** One step of the public look-up, keyed by its event so a replay adds nothing. */
async function recordStep(tx: EntityManager, dossierId: string, event: EventEnvelope, step: Omit<PublicStep, 'at'>): Promise<void> {
  await tx.query(
    `INSERT INTO dossier_public_history (dossier_id, event_id, from_status, to_status, action, note, occurred_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_id) DO NOTHING`,
    [dossierId, event.id, step.from, step.to, step.action, step.note, event.occurredAt],
  );
}

/** The steps a citizen may see in the public look-up: each change of status. */
export async function recordPublicSteps(tx: EntityManager, dossierId: string, events: readonly EventEnvelope[]): Promise<void> {
  for (const event of events) {
    if (event.type !== 'DossierStatusChanged') continue;
    const { from, to, action } = event.payload as Pick<PublicStep, 'from' | 'to' | 'action'>;
    await recordStep(tx, dossierId, event, { from, to, action, note: null });
  }
}

/** The wording of the official apology form ("xin lỗi và hẹn lại ngày trả kết quả"); the reason is written for the applicant. */
function apologyNote(newAppointmentDate: string, reason: string): string {
  const [year, month, day] = newAppointmentDate.split('-');
  return `Cơ quan giải quyết xin lỗi Ông/Bà và hẹn lại ngày trả kết quả: ${day}/${month}/${year}. Lý do: ${reason}`;
}

/** An apology moved the appointment: a step in which the status stays, told in the applicant's words. */
export async function recordApologyStep(tx: EntityManager, dossierId: string, status: DossierStatusCode, event: EnvelopeOf<typeof DossierApologyIssued>): Promise<void> {
  const { newAppointmentDate, reason } = event.payload;
  await recordStep(tx, dossierId, event, { from: status, to: status, action: 'apology', note: apologyNote(newAppointmentDate, reason) });
}
