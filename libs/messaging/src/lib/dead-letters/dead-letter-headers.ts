/** Headers a dead letter carries besides the original message's own. */
export const DEAD_LETTER_HEADERS = {
  topic: 'dead-letter-original-topic',
  partition: 'dead-letter-original-partition',
  offset: 'dead-letter-original-offset',
  group: 'dead-letter-consumer-group',
  error: 'dead-letter-error',
  attempts: 'dead-letter-attempts',
  failedAt: 'dead-letter-failed-at',
} as const;

/** Set on a message put back on its topic by a replay, so logs tell a replay from the original. */
export const REPLAYED_FROM_HEADER = 'replayed-from-dead-letter';
