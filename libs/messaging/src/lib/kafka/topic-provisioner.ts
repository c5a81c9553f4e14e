import { Logger } from '@nestjs/common';
import { TopicSpec } from '@onestop/contracts';
import { Kafka, KafkaJSAggregateError } from 'kafkajs';

/**
 * Creates the topics the platform needs with explicit partitions and retention (the broker does
 * not auto-create). Existing topics are left as they are; returns the names it created.
 *
 * On a cluster with ACLs a client sees only the topics it may use and may create none (the
 * cluster's KafkaTopics are the operator's): a topic it is refused is left to the cluster, and a
 * client that uses it anyway is refused there, by name.
 */
export async function ensureTopics(
  kafka: Kafka,
  specs: readonly TopicSpec[],
  replicationFactor = 1,
): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = dedupe(specs).filter((spec) => !existing.has(spec.name));
    if (missing.length === 0) return [];
    const refused = await admin
      .createTopics({
        waitForLeaders: true,
        topics: missing.map((spec) => ({
          topic: spec.name,
          numPartitions: spec.partitions,
          replicationFactor,
          configEntries: [
            { name: 'retention.ms', value: String(spec.retentionMs) },
            { name: 'min.insync.replicas', value: String(Math.min(2, replicationFactor)) },
          ],
        })),
      })
      .then((): string[] => [], refusedTopics);
    if (refused.length > 0)
      new Logger('TopicProvisioner').log(`not allowed to create ${refused.join(', ')}: left to the cluster's operator`);
    return missing.map((spec) => spec.name).filter((name) => !refused.includes(name));
  } finally {
    await admin.disconnect();
  }
}

/** The topics an authorisation error refused; any other error is thrown on. */
function refusedTopics(error: unknown): string[] {
  const errors = error instanceof KafkaJSAggregateError ? (error.errors as { type?: string; topic?: string }[]) : [];
  const refused = errors.filter((each) => each.type === 'TOPIC_AUTHORIZATION_FAILED');
  if (refused.length === 0 || !errors.every((each) => refused.includes(each) || each.type === 'TOPIC_ALREADY_EXISTS'))
    throw error;
  return refused.map((each) => each.topic!);
}

function dedupe(specs: readonly TopicSpec[]): TopicSpec[] {
  return [...new Map(specs.map((spec) => [spec.name, spec])).values()];
}
