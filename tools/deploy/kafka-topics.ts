import { deadLetterTopicSpec, EVENT_TOPIC_SPECS, SERVICE_NAMES, TopicSpec } from '@onestop/contracts';
import { K8sObject } from './manifests';

/** The topics the platform uses, as the code creates them: event topics and a dead-letter topic per consumer group. */
export function platformTopics(): TopicSpec[] {
  return [...EVENT_TOPIC_SPECS, ...SERVICE_NAMES.map((service) => deadLetterTopicSpec(service))];
}

interface KafkaTopicSpec {
  topicName?: string;
  partitions?: number;
  config?: Record<string, string | number>;
}

/**
 * Differences between the KafkaTopic resources and the code's topics: a topic missing or
 * extra, or with other partitions or retention. Empty when they agree.
 */
export function topicDrift(objects: K8sObject[], expected: TopicSpec[] = platformTopics()): string[] {
  const declared = new Map(
    objects
      .filter((object) => object.kind === 'KafkaTopic')
      .map((object) => {
        const spec = object['spec'] as KafkaTopicSpec;
        return [spec.topicName ?? object.metadata.name, spec] as const;
      }),
  );
  const problems: string[] = [];
  for (const topic of expected) {
    const spec = declared.get(topic.name);
    if (!spec) {
      problems.push(`${topic.name}: no KafkaTopic`);
      continue;
    }
    if (spec.partitions !== topic.partitions)
      problems.push(`${topic.name}: ${spec.partitions} partitions, the code uses ${topic.partitions}`);
    if (String(spec.config?.['retention.ms']) !== String(topic.retentionMs)) {
      problems.push(`${topic.name}: retention.ms ${spec.config?.['retention.ms']}, the code uses ${topic.retentionMs}`);
    }
  }
  const known = new Set(expected.map((topic) => topic.name));
  for (const name of declared.keys())
    if (!known.has(name)) problems.push(`${name}: a KafkaTopic the code does not use`);
  return problems;
}
