import { EventEnvelope } from '@onestop/contracts';
import { EntityManager } from 'typeorm';

/** The steps a citizen may see in the public look-up, keyed by event so a replay adds nothing. */
export async function recordPublicSteps(tx: EntityManager, dossierId: string, events: readonly EventEnvelope[]): Promise<void> {
  for (const event of events) {
    if (event.type !== 'DossierStatusChanged') continue;
    const { from, to, action } = event.payload as { from: number | null; to: number; action: string };
    await tx.query(
      `INSERT INTO dossier_public_history (dossier_id, event_id, from_status, to_status, action, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (event_id) DO NOTHING`,
      [dossierId, event.id, from, to, action, event.occurredAt],
    );
  }
}
