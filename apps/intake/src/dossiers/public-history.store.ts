import { Injectable } from '@nestjs/common';
import { DossierApologyIssued, DossierStatusCode, EnvelopeOf, EventEnvelope } from '@onestop/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { apologyNote, PublicStep } from './public-history';

/** The steps a citizen sees in the public look-up, each recorded once per event. */
@Injectable()
export class PublicHistoryStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Each change of status among the events. */
  async recordStatusChanges(tx: EntityManager, dossierId: string, events: readonly EventEnvelope[]): Promise<void> {
    for (const event of events) {
      if (event.type !== 'DossierStatusChanged') continue;
      const { from, to, action } = event.payload as Pick<PublicStep, 'from' | 'to' | 'action'>;
      await this.record(tx, dossierId, event, { from, to, action, note: null });
    }
  }

  /** An apology moved the appointment: a step in which the status stays, told in the applicant's words. */
  async recordApology(
    tx: EntityManager,
    dossierId: string,
    status: DossierStatusCode,
    event: EnvelopeOf<typeof DossierApologyIssued>,
  ): Promise<void> {
    const { newAppointmentDate, reason } = event.payload;
    await this.record(tx, dossierId, event, {
      from: status,
      to: status,
      action: 'apology',
      note: apologyNote(newAppointmentDate, reason),
    });
  }

  async steps(dossierId: string): Promise<PublicStep[]> {
    return this.dataSource.query(
      `SELECT from_status AS "from", to_status AS "to", action, occurred_at AS "at", note
         FROM dossier_public_history WHERE dossier_id = $1 ORDER BY occurred_at, id`,
      [dossierId],
    );
  }

  /** Keyed by its event, so a replay adds nothing. */
  private async record(
    tx: EntityManager,
    dossierId: string,
    event: EventEnvelope,
    step: Omit<PublicStep, 'at'>,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO dossier_public_history (dossier_id, event_id, from_status, to_status, action, note, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_id) DO NOTHING`,
      [dossierId, event.id, step.from, step.to, step.action, step.note, event.occurredAt],
    );
  }
}
