import { Actor, DossierStatusCode } from '@onestop/contracts';
import { EntityManager } from 'typeorm';
import { State } from '../workflow/dossier-workflow';

export interface HistoryEntry {
  dossierId: string;
  at: Date;
  actor: Actor;
  action: string;
  from: { state: State; status: DossierStatusCode } | null;
  to: { state: State; status: DossierStatusCode };
  reason: string | null;
  details?: Record<string, unknown>;
}

/** Appends one step to the dossier's audit trail (the table refuses updates and deletes). */
export async function appendHistory(tx: EntityManager, entry: HistoryEntry): Promise<void> {
  await tx.query(
    `INSERT INTO dossier_history (dossier_id, occurred_at, actor_id, actor_roles, actor_unit_code, action, from_state, to_state,
       from_status, to_status, reason, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      entry.dossierId,
      entry.at,
      entry.actor.id,
      entry.actor.kind === 'user' ? entry.actor.roles : [],
      entry.actor.kind === 'user' ? entry.actor.unitCode : null,
      entry.action,
      entry.from?.state ?? null,
      entry.to.state,
      entry.from?.status ?? null,
      entry.to.status,
      entry.reason,
      JSON.stringify(entry.details ?? {}),
    ],
  );
}
