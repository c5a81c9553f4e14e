import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ApologyEntity } from './apology.entity';

/** The apologies recorded for late dossiers. */
@Injectable()
export class ApologyStore {
  async insert(tx: EntityManager, apology: ApologyEntity): Promise<void> {
    await tx.getRepository(ApologyEntity).insert(apology);
  }
}
