import { Injectable } from '@nestjs/common';
import { Actor, DossierStatusCode } from '@onestop/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { State } from '../workflow/dossier-workflow';
import { DossierHistoryEntity } from './dossier-history.entity';

export interface HistoryStep {
  dossierId: string;
  at: Date;
  actor: Actor;
  action: string;
  from: { state: State; status: DossierStatusCode } | null;
  to: { state: State; status: DossierStatusCode };
  reason: string | null;
  details?: Record<string, unknown>;
}

/** Each dossier's audit trail: appended to, read in order, never changed (the table refuses it). */
@Injectable()
export class DossierHistoryStore {
  constructor(private readonly dataSource: DataSource) {}

  async append(tx: EntityManager, step: HistoryStep): Promise<void> {
    await tx.insert(DossierHistoryEntity, {
      dossierId: step.dossierId,
      occurredAt: step.at,
      actorId: step.actor.id,
      actorRoles: step.actor.kind === 'user' ? step.actor.roles : [],
      actorUnitCode: step.actor.kind === 'user' ? step.actor.unitCode : null,
      action: step.action,
      fromState: step.from?.state ?? null,
      toState: step.to.state,
      fromStatus: step.from?.status ?? null,
      toStatus: step.to.status,
      reason: step.reason,
      // TypeORM's partial-entity type cannot follow an open record; the column takes any JSON.
      details: (step.details ?? {}) as object,
    });
  }

  /** The steps in the order they happened. */
  async of(dossierId: string): Promise<DossierHistoryEntity[]> {
    return this.dataSource.getRepository(DossierHistoryEntity).find({ where: { dossierId }, order: { id: 'ASC' } });
  }
}
