import { EventEnvelope } from '@onestop/contracts';
import { EntityManager } from 'typeorm';

/**
 * Applies one event. `tx` is the transaction that also records the event in the inbox: every
 * effect must go through it, so a redelivered event finds its id and changes nothing.
 */
export interface EventHandler<E extends EventEnvelope = EventEnvelope> {
  handle(event: E, tx: EntityManager): Promise<void>;
}

/** Thrown by a handler for an event that can never succeed: it goes to dead letters at once. */
export class PermanentEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentEventError';
  }
}
