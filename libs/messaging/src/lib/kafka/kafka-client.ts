import { Logger } from '@nestjs/common';
import { Kafka, logLevel, LogEntry, Partitioners, Producer } from 'kafkajs';

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
}

const LEVELS: Record<number, 'error' | 'warn' | 'log' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'log',
  [logLevel.DEBUG]: 'debug',
};

/** Routes kafkajs's own log lines into the service's JSON log instead of its console format. */
function logCreator() {
  const logger = new Logger('kafkajs');
  return ({ level, log }: LogEntry) => {
    const { message, ...extra } = log;
    const method = LEVELS[level] ?? 'log';
    logger[method](`${message} ${JSON.stringify(extra)}`);
  };
}

export function createKafka(settings: KafkaSettings): Kafka {
  return new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    logLevel: logLevel.WARN,
    logCreator,
    connectionTimeout: 3_000,
    requestTimeout: 30_000,
    retry: { retries: 5, initialRetryTime: 300, maxRetryTime: 5_000 },
  });
}

/**
 * An idempotent producer: the broker drops a batch it has already written when kafkajs retries
 * it, and with one request in flight a partition keeps the order the relay sent.
 * The Java-compatible partitioner places keys as Kafka's own clients would.
 */
export function createIdempotentProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
}
