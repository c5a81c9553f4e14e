import { Actor, EnvelopeOf, EventDefinition, EventEnvelope, ServiceName } from '@onestop/contracts';
import { actorOf, currentCorrelationId, Principal } from '@onestop/platform';
import { v7 as uuidv7 } from 'uuid';

export interface EventOrigin {
  source: ServiceName;
  actor: Actor;
  correlationId: string;
  /** The event or request that led to this one; null where a person started the chain. */
  causationId: string | null;
}

/** The origin of events a person's request causes: that person, and the request's correlation id. */
export function requestOrigin(source: ServiceName, principal: Principal): EventOrigin {
  return { source, actor: actorOf(principal), correlationId: currentCorrelationId() ?? uuidv7(), causationId: null };
}

/** The origin of events an event causes: the same actor and correlation, caused by that event. */
export function causedBy(source: ServiceName, event: EventEnvelope, actor: Actor = event.actor): EventOrigin {
  return { source, actor, correlationId: event.correlationId, causationId: event.id };
}

/** The origin of events that time itself raises (a deadline passed): the service, correlated with what they concern. */
export function timeOrigin(source: ServiceName, correlationId: string): EventOrigin {
  return { source, actor: { kind: 'system', id: source }, correlationId, causationId: null };
}

/**
 * Builds an envelope for a defined event. The time comes from the caller's clock so that a
 * simulated clock gives events simulated times, and indicators follow event time.
 */
export function createEvent<D extends EventDefinition>(
  definition: D,
  subject: string,
  payload: EnvelopeOf<D>['payload'],
  origin: EventOrigin,
  occurredAt: Date,
): EnvelopeOf<D> {
  return {
    id: uuidv7({ msecs: occurredAt.getTime() }),
    type: definition.type,
    version: definition.version,
    occurredAt: occurredAt.toISOString(),
    subject,
    payload,
    ...origin,
  } as EnvelopeOf<D>;
}
