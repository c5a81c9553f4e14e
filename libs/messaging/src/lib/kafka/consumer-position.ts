import { Kafka } from 'kafkajs';

/**
 * Gives a new consumer group that starts at the latest events its position now, as committed
 * offsets at the topics' ends. Left to Kafka, a group without offsets takes the end of a partition
 * at its first fetch, a moment after it has joined: events produced in that moment, after the
 * service said it had started, would pass it by. A topic the group already has offsets on keeps them.
 */
export async function commitLatestPositions(kafka: Kafka, groupId: string, topics: readonly string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    // A running member (another replica) already holds the group's positions.
    const [group] = (await admin.describeGroups([groupId])).groups;
    if (group && !['Empty', 'Dead'].includes(group.state)) return;
    const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
    for (const { topic, partitions } of committed) {
      if (partitions.some((partition) => Number(partition.offset) >= 0)) continue;
      const ends = await admin.fetchTopicOffsets(topic);
      await admin.setOffsets({
        groupId,
        topic,
        partitions: ends.map(({ partition, high }) => ({ partition, offset: high })),
      });
    }
  } finally {
    await admin.disconnect();
  }
}
