import { deadLetterTopic } from '@onestop/contracts';
import { IHeaders, KafkaMessage, Producer } from 'kafkajs';
import { DEAD_LETTER_HEADERS } from './dead-letter-headers';

export interface FailedMessage {
  topic: string;
  partition: number;
  message: KafkaMessage;
  error: string;
  attempts: number;
  failedAt: Date;
}

/** Parks a message that could not be applied on the group's dead-letter topic, as it came. */
export class DeadLetterPublisher {
  constructor(
    private readonly producer: Producer,
    private readonly consumerGroup: string,
  ) {}

  async publish(failed: FailedMessage): Promise<void> {
    const headers: IHeaders = {
      ...failed.message.headers,
      [DEAD_LETTER_HEADERS.topic]: failed.topic,
      [DEAD_LETTER_HEADERS.partition]: String(failed.partition),
      [DEAD_LETTER_HEADERS.offset]: failed.message.offset,
      [DEAD_LETTER_HEADERS.group]: this.consumerGroup,
      [DEAD_LETTER_HEADERS.error]: failed.error.slice(0, 2000),
      [DEAD_LETTER_HEADERS.attempts]: String(failed.attempts),
      [DEAD_LETTER_HEADERS.failedAt]: failed.failedAt.toISOString(),
    };
    await this.producer.send({
      topic: deadLetterTopic(this.consumerGroup),
      acks: -1,
      messages: [{ key: failed.message.key, value: failed.message.value, headers }],
    });
  }
}
