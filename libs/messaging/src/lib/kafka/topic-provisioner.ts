import { TopicSpec } from '@onestop/contracts';
import { Kafka } from 'kafkajs';

/**
 * Creates the topics the platform needs with explicit partitions and retention (the broker does
 * not auto-create). Existing topics are left as they are; returns the names it created.
 */
export async function ensureTopics(kafka: Kafka, specs: readonly TopicSpec[], replicationFactor = 1): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = dedupe(specs).filter((spec) => !existing.has(spec.name));
    if (missing.length === 0) return [];
    await admin.createTopics({
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
    });
    return missing.map((spec) => spec.name);
  } finally {
    await admin.disconnect();
  }
}

function dedupe(specs: readonly TopicSpec[]): TopicSpec[] {
  return [...new Map(specs.map((spec) => [spec.name, spec])).values()];
}
