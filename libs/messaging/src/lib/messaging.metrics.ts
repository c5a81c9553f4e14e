import { MetricsRegistry } from '@onestop/platform';
import { ConsumerObserver } from './inbox/inbox-consumer';
import { RelayObserver } from './outbox/outbox-relay';

/** Prometheus series for the backbone: what was published, applied, repeated and dead-lettered. */
export function messagingObservers(
  metrics: MetricsRegistry,
  group: string,
): { relay: RelayObserver; consumer: ConsumerObserver } {
  const published = metrics.counter('outbox_events_published_total', 'Events the outbox relay published to Kafka');
  const relayFailures = metrics.counter(
    'outbox_relay_failures_total',
    'Failed outbox relay attempts (Kafka or database unavailable)',
  );
  const applied = metrics.counter('inbox_events_applied_total', 'Events applied by this consumer group', ['group']);
  const duplicates = metrics.counter(
    'inbox_events_duplicate_total',
    'Redelivered events recognised by the inbox and skipped',
    ['group'],
  );
  const deadLettered = metrics.counter('inbox_events_dead_lettered_total', 'Events sent to the dead-letter topic', [
    'group',
    'topic',
    'type',
  ]);
  return {
    relay: { published: (count) => published.inc(count), failed: () => relayFailures.inc() },
    consumer: {
      applied: (count) => applied.inc({ group }, count),
      duplicates: (count) => duplicates.inc({ group }, count),
      deadLettered: ({ topic, type }) => deadLettered.inc({ group, topic, type }),
    },
  };
}
