import { Kafka } from 'kafkajs';

/**
 * Whether a consumer group has processed everything a topic held at one moment: for each
 * partition, its committed offset reached the high-water mark taken then. A partition the group
 * never committed on holds nothing the group has acted on yet, so it does not hold anything back.
 */
export function caughtUp(highWaterMarks: ReadonlyMap<number, number>, committed: ReadonlyMap<number, number>): boolean {
  for (const [partition, high] of highWaterMarks) {
    const offset = committed.get(partition) ?? -1;
    if (offset >= 0 && offset < high) return false;
  }
  return true;
}

/** Resolves once `groupId` has processed what `topic` held when this was called; polls until then. */
export async function waitForCatchUp(
  kafka: Kafka,
  groupId: string,
  topic: string,
  options: { pollMs: number; stopped: () => boolean },
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const marks = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, Number(p.high)]));
    while (!options.stopped()) {
      const [group] = await admin.fetchOffsets({ groupId, topics: [topic] });
      const committed = new Map((group?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
      if (caughtUp(marks, committed)) return;
      await new Promise((resolve) => setTimeout(resolve, options.pollMs));
    }
  } finally {
    await admin.disconnect();
  }
}
