import { EventEnvelope } from '@onestop/contracts';
import { Producer, RecordMetadata } from 'kafkajs';

/**
 * Puts events on a topic straight from a test or benchmark, as a service's outbox relay would:
 * keyed by subject (one dossier's events on one partition, in order), the envelope as JSON, and
 * the relay's headers.
 */
export function publishEvents(
  producer: Producer,
  topic: string,
  events: readonly EventEnvelope[],
): Promise<RecordMetadata[]> {
  return producer.send({
    topic,
    messages: events.map((event) => ({
      key: event.subject,
      value: JSON.stringify(event),
      headers: { 'event-id': event.id, 'event-type': event.type, 'correlation-id': event.correlationId },
    })),
  });
}
