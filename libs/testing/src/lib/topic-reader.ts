import { Kafka, logLevel } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { testKafkaBrokers } from './test-stack';

export interface ReadMessage {
  key: string | null;
  value: string;
}

/**
 * Reads a topic from its beginning with a fresh consumer group until `enough` holds for the
 * messages whose key passes `keyFilter`, or the time is up: what a downstream service would see.
 */
export async function readTopic(
  topic: string,
  keyFilter: (key: string | null) => boolean,
  enough: (messages: ReadMessage[]) => boolean,
  { timeoutMs = 30_000, brokers = testKafkaBrokers() }: { timeoutMs?: number; brokers?: string[] } = {},
): Promise<ReadMessage[]> {
  const kafka = new Kafka({ clientId: 'topic-reader', brokers, logLevel: logLevel.NOTHING });
  const groupId = `topic-reader-${randomBytes(6).toString('hex')}`;
  const consumer = kafka.consumer({ groupId });
  const messages: ReadMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`read ${messages.length} matching messages of ${topic} in ${timeoutMs} ms, not enough`)),
        timeoutMs,
      );
      consumer
        .run({
          eachMessage: async ({ message }) => {
            const key = message.key?.toString() ?? null;
            if (!keyFilter(key)) return;
            messages.push({ key, value: message.value?.toString() ?? '' });
            if (enough(messages)) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
    return messages;
  } finally {
    await consumer.disconnect();
    // Leave no group behind on the shared broker.
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}
