import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull, LessThan } from 'typeorm';
import { PreparationEntity } from './preparation.entity';

/** Two-step signatures between their preparation and their completion. */
@Injectable()
export class PreparationStore {
  async insert(tx: EntityManager, preparation: PreparationEntity): Promise<void> {
    await tx.getRepository(PreparationEntity).insert(preparation);
  }

  /** Drops the preparations never completed that expired before the time. */
  async dropAbandoned(tx: EntityManager, expiredBefore: Date): Promise<void> {
    await tx.getRepository(PreparationEntity).delete({ completedAt: IsNull(), expiresAt: LessThan(expiredBefore) });
  }

  /** The preparation, locked until the transaction ends: it is completed once only. */
  findForUpdate(tx: EntityManager, id: string): Promise<PreparationEntity | null> {
    return tx.getRepository(PreparationEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The row stays (a second completion is told it is done); its copy of the PDF is not needed any more. */
  async complete(tx: EntityManager, id: string, at: Date): Promise<void> {
    await tx.getRepository(PreparationEntity).update({ id }, { completedAt: at, placeholder: Buffer.alloc(0) });
  }
}
