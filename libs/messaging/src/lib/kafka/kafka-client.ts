import { Logger } from '@nestjs/common';
import { PlatformEnv } from '@onestop/platform';
import { Kafka, logLevel, LogEntry, Partitioners, Producer, SASLOptions } from 'kafkajs';
import { readFileSync } from 'node:fs';

export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  /** Who the client authenticates as; absent, it does not authenticate (the local PLAINTEXT broker). */
  sasl?: SASLOptions;
  /** TLS to the brokers, trusting `ca` (PEM) or, without it, the system's CAs. */
  tls?: { ca?: string };
}

/** The Kafka settings of validated platform settings: every client the platform makes is built from these. */
export function kafkaSettings(env: PlatformEnv, clientId: string): KafkaSettings {
  const settings: KafkaSettings = { brokers: env.KAFKA_BROKERS, clientId };
  if (env.KAFKA_SASL_MECHANISM)
    settings.sasl = saslOptions(
      env.KAFKA_SASL_MECHANISM,
      env.KAFKA_SASL_USERNAME!,
      env.KAFKA_SASL_PASSWORD,
      env.KAFKA_SASL_PASSWORD_FILE,
    );
  if (env.KAFKA_TLS) settings.tls = env.KAFKA_TLS_CA_FILE ? { ca: readFileSync(env.KAFKA_TLS_CA_FILE, 'utf8') } : {};
  return settings;
}

/**
 * kafkajs reads the password when it authenticates a connection: from a file it is read then, so
 * a rotated Secret (Kubernetes updates a mounted one in place) is used by the next connection.
 */
function saslOptions(
  mechanism: NonNullable<PlatformEnv['KAFKA_SASL_MECHANISM']>,
  username: string,
  password?: string,
  passwordFile?: string,
): SASLOptions {
  const read = () => (passwordFile ? readFileSync(passwordFile, 'utf8').replace(/\r?\n$/, '') : password!);
  const options = { mechanism, username } as SASLOptions & { password: string };
  Object.defineProperty(options, 'password', { get: read, enumerable: true });
  return options;
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
    ...(settings.sasl ? { sasl: settings.sasl } : {}),
    ...(settings.tls ? { ssl: settings.tls.ca ? { ca: [settings.tls.ca] } : true } : {}),
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
