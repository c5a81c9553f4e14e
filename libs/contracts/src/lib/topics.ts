/**
 * Topics by aggregate. Events of one aggregate share a topic and use the aggregate id as the
 * Kafka key, so a partition keeps them in order.
 */
export const TOPICS = {
  dossier: 'dossier.events',
  signature: 'signature.events',
  notification: 'notification.events',
  task: 'task.events',
  /** Reference data every service keeps a copy of (the working calendar). */
  reference: 'reference.events',
} as const;

export interface TopicSpec {
  name: string;
  partitions: number;
  /** -1 keeps events forever: reporting rebuilds its read models by replaying from offset 0. */
  retentionMs: number;
}

const KEEP_FOREVER = -1;
const TWO_WEEKS_MS = 14 * 24 * 3600 * 1000;

/** 12 partitions let up to 12 replicas of a consumer share a topic; far above a province's peak. */
export const EVENT_TOPIC_SPECS: readonly TopicSpec[] = Object.values(TOPICS).map((name) => ({
  name,
  partitions: 12,
  retentionMs: KEEP_FOREVER,
}));

/** One dead-letter topic per consumer group, kept long enough for an operator to look. */
export function deadLetterTopic(consumerGroup: string): string {
  return `${consumerGroup}.dead-letters`;
}

export function deadLetterTopicSpec(consumerGroup: string): TopicSpec {
  return { name: deadLetterTopic(consumerGroup), partitions: 1, retentionMs: TWO_WEEKS_MS };
}
