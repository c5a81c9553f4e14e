import { deadLetterTopic } from '@onestop/contracts';
import { IHeaders, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { v4 as uuidv4 } from 'uuid';
import { DEAD_LETTER_HEADERS, REPLAYED_FROM_HEADER } from './dead-letter-headers';

export interface DeadLetter {
  /** Position on the dead-letter topic, `partition:offset`. */
  position: string;
  eventId: string | null;
  eventType: string | null;
  originalTopic: string;
  originalPartition: number;
  originalOffset: string;
  consumerGroup: string;
  error: string;
  attempts: number;
  failedAt: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: IHeaders;
}

const header = (headers: IHeaders | undefined, name: string): string | null => {
  const value = headers?.[name];
  if (value === undefined || value === null) return null;
  return (Array.isArray(value) ? value[0] : value).toString();
};

function toDeadLetter(partition: number, message: KafkaMessage): DeadLetter {
  const h = message.headers;
  return {
    position: `${partition}:${message.offset}`,
    eventId: header(h, 'event-id'),
    eventType: header(h, 'event-type'),
    originalTopic: header(h, DEAD_LETTER_HEADERS.topic) ?? '',
    originalPartition: Number(header(h, DEAD_LETTER_HEADERS.partition)),
    originalOffset: header(h, DEAD_LETTER_HEADERS.offset) ?? '',
    consumerGroup: header(h, DEAD_LETTER_HEADERS.group) ?? '',
    error: header(h, DEAD_LETTER_HEADERS.error) ?? '',
    attempts: Number(header(h, DEAD_LETTER_HEADERS.attempts)),
    failedAt: header(h, DEAD_LETTER_HEADERS.failedAt) ?? '',
    key: message.key,
    value: message.value,
    headers: h ?? {},
  };
}

/**
 * Reads a consumer group's dead letters and puts them back on their original topics. A replayed
 * event keeps its id, so consumers that already applied it drop it through their inbox; only the
 * consumer that failed applies it, once.
 */
export class DeadLetterStore {
  constructor(private readonly kafka: Kafka) {}

  /** Every dead letter currently kept for the group, oldest first. */
  async list(consumerGroup: string): Promise<DeadLetter[]> {
    const topic = deadLetterTopic(consumerGroup);
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      if (!(await admin.listTopics()).includes(topic)) return [];
      const ends = await admin.fetchTopicOffsets(topic);
      const pending = new Map(
        ends.filter((p) => BigInt(p.high) > BigInt(p.low)).map((p) => [p.partition, BigInt(p.high) - 1n]),
      );
      if (pending.size === 0) return [];
      return await this.readUntil(topic, pending, admin);
    } finally {
      await admin.disconnect();
    }
  }

  /** Replays the group's dead letters, or only those whose event id is given. Returns how many. */
  async replay(consumerGroup: string, producer: Producer, eventIds?: readonly string[]): Promise<DeadLetter[]> {
    const chosen = (await this.list(consumerGroup)).filter(
      (letter) => !eventIds || (letter.eventId !== null && eventIds.includes(letter.eventId)),
    );
    for (const letter of chosen) {
      await producer.send({
        topic: letter.originalTopic,
        acks: -1,
        messages: [{ key: letter.key, value: letter.value, headers: replayHeaders(letter) }],
      });
    }
    return chosen;
  }

  private async readUntil(
    topic: string,
    lastOffsets: Map<number, bigint>,
    admin: ReturnType<Kafka['admin']>,
  ): Promise<DeadLetter[]> {
    const groupId = `dead-letter-reader-${uuidv4()}`;
    const consumer = this.kafka.consumer({ groupId, allowAutoTopicCreation: false });
    const letters: DeadLetter[] = [];
    await consumer.connect();
    try {
      await new Promise<void>((resolve, reject) => {
        consumer
          .subscribe({ topics: [topic], fromBeginning: true })
          .then(() =>
            consumer.run({
              autoCommit: false,
              eachMessage: async ({ partition, message }) => {
                const last = lastOffsets.get(partition);
                if (last === undefined || BigInt(message.offset) > last) return;
                letters.push(toDeadLetter(partition, message));
                if (BigInt(message.offset) === last) lastOffsets.delete(partition);
                if (lastOffsets.size === 0) resolve();
              },
            }),
          )
          .catch(reject);
      });
    } finally {
      await consumer.disconnect();
      await admin.deleteGroups([groupId]).catch(() => undefined);
    }
    return letters.sort((a, b) => a.failedAt.localeCompare(b.failedAt));
  }
}

function replayHeaders(letter: DeadLetter): IHeaders {
  const dropped = new Set<string>(Object.values(DEAD_LETTER_HEADERS));
  const kept = Object.entries(letter.headers).filter(([name]) => !dropped.has(name));
  return {
    ...Object.fromEntries(kept),
    [REPLAYED_FROM_HEADER]: `${deadLetterTopic(letter.consumerGroup)}@${letter.position}`,
  };
}
