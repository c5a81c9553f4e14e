import { deadLetterTopicSpec, EVENT_TOPIC_SPECS, TOPICS } from '@onestop/contracts';
import { BrokerOptions, resetBroker, startBroker } from '@onestop/local-stack';
import {
  createIdempotentProducer,
  createKafka,
  CreateMessagingTables1763800000000,
  DEFAULT_RELAY_OPTIONS,
  DeadLetterPublisher,
  DeadLetterStore,
  ensureTopics,
  InboxConsumer,
  kafkaSettings,
  OutboxRelay,
} from '@onestop/messaging';
import { createEffectsTable, probeFixture, RecordingHandler } from '@onestop/messaging/testing';
import { loadConfig, PlatformEnv } from '@onestop/platform';
import { rebuildReadModel, reportingSchema, reportingService } from '@onestop/reporting';
import { createTestDatabase, startServiceWithDatabase, TestDatabase, waitFor } from '@onestop/testing';
import {
  AclEntry,
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  Kafka,
  Producer,
  ResourcePatternTypes,
} from 'kafkajs';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { platformKafkaUse, serviceKafkaUse } from './kafka-access';
import { platformTopics } from './kafka-topics';
import {
  Acl,
  DEAD_LETTERS_USER,
  deadLettersAcls,
  kafkaUserName,
  REBUILD_PREFIX,
  REBUILD_USER,
  rebuildAcls,
  serviceAcls,
} from './kafka-users';

/**
 * The cluster's Kafka security, on a local broker of its own: SCRAM-SHA-512 on SASL_PLAINTEXT and
 * SASL_SSL (a CA made here), Kafka's authorizer, and the ACLs the KafkaUser of digital-signature
 * gets on the cluster. The clients are the platform's own, built from the settings a service reads.
 */
const SCRAM_PORT = 19192;
const TLS_PORT = 19194;
const SERVICE = 'digital-signature';
const USER = kafkaUserName(SERVICE);

const dir = mkdtempSync(join(tmpdir(), 'kafka-security-'));
const REPORTING_USER = kafkaUserName('reporting');
const USERS = ['broker', USER, REPORTING_USER, REBUILD_USER, DEAD_LETTERS_USER];
const passwords = Object.fromEntries(USERS.map((user) => [user, randomBytes(12).toString('hex')]));
let broker: BrokerOptions;

/** A CA and the broker's certificate for 127.0.0.1, signed by it: what Strimzi's cluster CA does on the cluster. */
function makeCertificates(): void {
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  openssl(
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.crt',
    '-days',
    '1',
    '-subj',
    '/CN=onestop-test-cluster-ca',
  );
  openssl(
    'req',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    'broker.key',
    '-out',
    'broker.csr',
    '-subj',
    '/CN=127.0.0.1',
  );
  writeFileSync(join(dir, 'broker.ext'), 'subjectAltName=IP:127.0.0.1\n');
  openssl(
    'x509',
    '-req',
    '-in',
    'broker.csr',
    '-CA',
    'ca.crt',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-out',
    'broker.crt',
    '-days',
    '1',
    '-extfile',
    'broker.ext',
  );
}

/** The Kafka settings the cluster gives a pod: its user, the password in a mounted file, TLS with the cluster CA. */
function securedSettings(user: string): Record<string, string> {
  const passwordFile = join(dir, `${user}.password`);
  writeFileSync(passwordFile, `${passwords[user]}\n`);
  return {
    KAFKA_BROKERS: `127.0.0.1:${TLS_PORT}`,
    KAFKA_SASL_MECHANISM: 'scram-sha-512',
    KAFKA_SASL_USERNAME: user,
    KAFKA_SASL_PASSWORD_FILE: passwordFile,
    KAFKA_TLS: 'true',
    KAFKA_TLS_CA_FILE: join(dir, 'ca.crt'),
  };
}

function serviceKafka(overrides: Record<string, string> = {}, user = USER): Kafka {
  const env = loadConfig(
    PlatformEnv,
    { ...securedSettings(user), ...overrides },
    { PORT: '3003', DATABASE_URL: 'postgres://unused@127.0.0.1/unused' },
  );
  return createKafka(kafkaSettings(env, `onestop-${SERVICE}`));
}

const superUser = () =>
  createKafka({
    brokers: [`127.0.0.1:${SCRAM_PORT}`],
    clientId: 'kafka-security-test',
    sasl: { mechanism: 'scram-sha-512', username: 'broker', password: passwords.broker },
  });

/** The bindings Strimzi's user operator makes of a KafkaUser's ACLs. */
function bindings(user: string, acls: Acl[]): AclEntry[] {
  const types = { topic: AclResourceTypes.TOPIC, group: AclResourceTypes.GROUP, cluster: AclResourceTypes.CLUSTER };
  const operations = {
    Read: AclOperationTypes.READ,
    Write: AclOperationTypes.WRITE,
    Create: AclOperationTypes.CREATE,
    Delete: AclOperationTypes.DELETE,
    Describe: AclOperationTypes.DESCRIBE,
    IdempotentWrite: AclOperationTypes.IDEMPOTENT_WRITE,
  };
  return acls.flatMap((acl) =>
    acl.operations.map((operation) => ({
      resourceType: types[acl.resource.type],
      resourceName: acl.resource.type === 'cluster' ? 'kafka-cluster' : acl.resource.name!,
      resourcePatternType:
        acl.resource.patternType === 'prefix' ? ResourcePatternTypes.PREFIXED : ResourcePatternTypes.LITERAL,
      principal: `User:${user}`,
      host: '*',
      operation: operations[operation],
      permissionType: AclPermissionTypes.ALLOW,
    })),
  );
}

beforeAll(async () => {
  makeCertificates();
  broker = {
    name: 'scram',
    port: SCRAM_PORT,
    controllerPort: SCRAM_PORT + 1,
    heapMb: 384,
    security: {
      scramUsers: passwords,
      authorizer: true,
      tls: { port: TLS_PORT, certificateFile: join(dir, 'broker.crt'), keyFile: join(dir, 'broker.key') },
    },
  };
  // Users are written when the storage is formatted: always a fresh instance.
  await resetBroker(broker);
  await startBroker(broker);
  const admin = superUser().admin();
  await admin.connect();
  try {
    const topics = platformTopics().map((spec) => ({
      topic: spec.name,
      numPartitions: Math.min(spec.partitions, 3),
      replicationFactor: 1,
    }));
    await admin.createTopics({ topics, waitForLeaders: true });
    const uses = platformKafkaUse();
    const reporting = uses.find((use) => use.service === 'reporting')!;
    await admin.createAcls({
      acl: [
        ...bindings(USER, serviceAcls(serviceKafkaUse(SERVICE))),
        ...bindings(REPORTING_USER, serviceAcls(reporting)),
        ...bindings(REBUILD_USER, rebuildAcls(reporting)),
        ...bindings(DEAD_LETTERS_USER, deadLettersAcls(uses)),
      ],
    });
  } finally {
    await admin.disconnect();
  }
}, 120_000);

afterAll(async () => {
  await resetBroker(broker);
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('Kafka with SCRAM, TLS and ACLs', () => {
  let database: TestDatabase;
  const stops: (() => Promise<unknown>)[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('kafka_security', {
      entities: [],
      migrations: [CreateMessagingTables1763800000000],
    });
    await createEffectsTable(database.dataSource);
  }, 60_000);

  afterAll(async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    await database.drop();
  });

  it("carries events through the outbox relay and the inbox consumer as the service's user, over TLS, within its ACLs", async () => {
    const kafka = serviceKafka();
    // The service provisions topics at start: those it may not see or create are the cluster's.
    await expect(ensureTopics(kafka, [...EVENT_TOPIC_SPECS, deadLetterTopicSpec(SERVICE)])).resolves.toEqual([]);

    const fixture = probeFixture('security', TOPICS.signature);
    const handler = new RecordingHandler();
    const producer: Producer = createIdempotentProducer(kafka);
    await producer.connect();
    stops.push(() => producer.disconnect());
    const consumer = new InboxConsumer(
      kafka,
      database.dataSource,
      fixture.registry,
      new Map([['ProbeRecorded', handler]]),
      new DeadLetterPublisher(producer, SERVICE),
      {
        groupId: SERVICE,
        topics: [TOPICS.signature],
        maxAttempts: 1,
        retryBaseMs: 50,
        retryMaxMs: 200,
        partitionsConsumedConcurrently: 1,
        fromBeginning: true,
      },
    );
    await consumer.start();
    stops.push(() => consumer.stop());
    const relay = new OutboxRelay({ connectionString: database.url }, producer, {
      ...DEFAULT_RELAY_OPTIONS,
      retryMaxMs: 1_000,
    });
    relay.start();
    stops.push(() => relay.stop());

    // One event applied, one that fails goes to the service's dead-letter topic: both need its ACLs.
    handler.failSubjects.add('poison');
    await database.dataSource.transaction((tx) =>
      fixture.writer.append(tx, [fixture.probe('fine', 1), fixture.probe('poison', 2)]),
    );
    const effects = async () =>
      Number((await database.dataSource.query('SELECT count(*) FROM probe_effects'))[0].count);
    await waitFor(async () => (await effects()) === 1, 30_000, 'the event applied by the consumer');
    const admin = superUser().admin();
    await admin.connect();
    try {
      await waitFor(
        async () => Number((await admin.fetchTopicOffsets(deadLetterTopicSpec(SERVICE).name))[0].high) === 1,
        30_000,
        'the failed event on the dead-letter topic',
      );
    } finally {
      await admin.disconnect();
    }
  }, 90_000);

  it('refuses a topic the ACLs do not name', async () => {
    const producer = createIdempotentProducer(serviceKafka());
    await producer.connect();
    try {
      await expect(producer.send({ topic: TOPICS.dossier, messages: [{ key: 'k', value: '{}' }] })).rejects.toThrow(
        /authoriz/i,
      );
    } finally {
      await producer.disconnect();
    }
    const admin = serviceKafka().admin();
    await admin.connect();
    try {
      await expect(admin.fetchTopicOffsets(TOPICS.dossier)).rejects.toThrow(/authoriz/i);
    } finally {
      await admin.disconnect();
    }
  }, 60_000);

  it("lets the dead-letters tool's user list a service's dead letters and replay them where they came from", async () => {
    const kafka = serviceKafka({}, DEAD_LETTERS_USER);
    const store = new DeadLetterStore(kafka);
    const letters = await store.list(SERVICE);
    expect(letters.map((letter) => [letter.originalTopic, letter.consumerGroup])).toEqual([
      [TOPICS.signature, SERVICE],
    ]);
    const producer = createIdempotentProducer(kafka);
    await producer.connect();
    try {
      await expect(store.replay(SERVICE, producer)).resolves.toHaveLength(1);
    } finally {
      await producer.disconnect();
    }
  }, 60_000);

  it('runs reporting as its own user, and its read-model rebuild as the rebuild user', async () => {
    // The cluster's consumer group is the service's name, the one its ACLs name.
    const reporting = await startServiceWithDatabase(reportingService, reportingSchema, {
      ...securedSettings(REPORTING_USER),
      KAFKA_GROUP_ID: 'reporting',
    });
    try {
      expect((await fetch(`${reporting.url}/health/ready`)).status).toBe(200);
      const rebuildEnv = loadConfig(reportingService.envClass, {
        ...securedSettings(REBUILD_USER),
        DATABASE_URL: reporting.env.DATABASE_URL,
        REDIS_URL: reporting.env.REDIS_URL,
        PORT: '1',
        LOG_LEVEL: 'silent',
      });
      const outcome = await rebuildReadModel(rebuildEnv);
      expect(outcome.previousSchema).toMatch(/^reporting_before_/);
    } finally {
      await reporting.close();
    }
    // The replay's group and dead-letter topic are gone: the rebuild user may delete what it made.
    const admin = superUser().admin();
    await admin.connect();
    try {
      expect((await admin.listTopics()).filter((topic) => topic.startsWith(REBUILD_PREFIX))).toEqual([]);
      expect((await admin.listGroups()).groups.filter((group) => group.groupId.startsWith(REBUILD_PREFIX))).toEqual([]);
    } finally {
      await admin.disconnect();
    }
  }, 120_000);

  it('refuses a wrong password with an authentication error, over TLS and without', async () => {
    for (const brokers of [`127.0.0.1:${TLS_PORT}`, `127.0.0.1:${SCRAM_PORT}`]) {
      const admin = serviceKafka({
        KAFKA_SASL_PASSWORD_FILE: '',
        KAFKA_SASL_PASSWORD: 'not-the-password',
        KAFKA_BROKERS: brokers,
        ...(brokers.endsWith(String(SCRAM_PORT)) ? { KAFKA_TLS: 'false', KAFKA_TLS_CA_FILE: '' } : {}),
      }).admin();
      await expect(admin.connect()).rejects.toMatchObject({
        name: 'KafkaJSSASLAuthenticationError',
        message: expect.stringMatching(/SASL SCRAM SHA512 authentication failed/),
      });
    }
  }, 60_000);
});
