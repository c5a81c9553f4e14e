import { EventEnvelope } from '@onestop/contracts';
import { EntityManager } from 'typeorm';

/**
 * Work a service does once per applied batch, inside the batch's transaction: before its handlers
 * (load in one query what the batch's events touch) and after them (write back in one statement).
 * A projection that would read and write rows for every event saves most of its round trips so.
 * A batch that fails is retried event by event: each retry is a batch of one.
 */
export interface BatchParticipant {
  beforeBatch(events: readonly EventEnvelope[], tx: EntityManager): Promise<void>;
  afterBatch(tx: EntityManager): Promise<void>;
}

const BATCH_PARTICIPANT = 'onestop:batch-participant';

/** Marks a provider (a BatchParticipant) that the messaging module calls around each batch. */
export function TakesPartInBatches(): ClassDecorator {
  return (target) => Reflect.defineMetadata(BATCH_PARTICIPANT, true, target);
}

export function takesPartInBatches(target: object): boolean {
  return Reflect.getMetadata(BATCH_PARTICIPANT, target) === true;
}
