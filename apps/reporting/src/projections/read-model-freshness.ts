import { Injectable } from '@nestjs/common';
import { EventEnvelope } from '@onestop/contracts';
import { BatchParticipant, TakesPartInBatches } from '@onestop/messaging';
import { EntityManager } from 'typeorm';
import { ReadModelFreshnessStore } from '../read-model/read-model-freshness.store';

/**
 * Marks how fresh the read model is: the time of the latest event projected. Written once per
 * batch, in the batch's transaction, so it never runs ahead of what was committed; each database
 * connection has its own row, so partitions projected at once do not queue (or deadlock) on a shared one.
 */
@Injectable()
@TakesPartInBatches()
export class ReadModelFreshness implements BatchParticipant {
  private readonly latest = new WeakMap<EntityManager, Date>();

  constructor(private readonly freshness: ReadModelFreshnessStore) {}

  async beforeBatch(events: readonly EventEnvelope[], tx: EntityManager): Promise<void> {
    const times = events.map((event) => Date.parse(event.occurredAt)).filter((time) => !Number.isNaN(time));
    if (times.length > 0) this.latest.set(tx, new Date(Math.max(...times)));
  }

  async afterBatch(tx: EntityManager): Promise<void> {
    const latest = this.latest.get(tx);
    this.latest.delete(tx);
    if (latest) await this.freshness.advance(tx, latest);
  }
}
