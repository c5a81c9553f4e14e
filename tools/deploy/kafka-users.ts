import { Logger } from '@nestjs/common';
import { SERVICE_NAMES } from '@onestop/contracts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { stringify } from 'yaml';
import { platformKafkaUse, ServiceKafkaUse } from './kafka-access';
import { K8sObject, ROOT } from './manifests';

/** Where the generated KafkaUsers are committed; `node -r ./tools/ts-register.js tools/deploy/kafka-users.ts` rewrites it. */
export const KAFKA_USERS_FILE = join(ROOT, 'k8s/base/kafka/users.yaml');

export const KAFKA_CLUSTER = 'onestop';
export const REBUILD_USER = 'onestop-reporting-rebuild';
export const DEAD_LETTERS_USER = 'onestop-dead-letters';
/** The prefix of the reporting rebuild's consumer group and dead-letter topic (apps/reporting/src/rebuild). */
export const REBUILD_PREFIX = 'reporting-rebuild-';
/** The prefix of the dead-letters tool's reading groups (libs/messaging DeadLetterStore). */
export const DEAD_LETTER_READER_PREFIX = 'dead-letter-reader-';

type Operation = 'Read' | 'Write' | 'Create' | 'Delete' | 'Describe' | 'IdempotentWrite';

export interface Acl {
  resource: { type: 'topic' | 'group' | 'cluster'; name?: string; patternType?: 'literal' | 'prefix' };
  operations: Operation[];
}

export const kafkaUserName = (service: string) => `onestop-${service}`;

const topic = (name: string, operations: Operation[], patternType: 'literal' | 'prefix' = 'literal'): Acl => ({
  resource: { type: 'topic', name, patternType },
  operations,
});
const group = (name: string, operations: Operation[], patternType: 'literal' | 'prefix' = 'literal'): Acl => ({
  resource: { type: 'group', name, patternType },
  operations,
});
/** The outbox relay's and the dead-letter publisher's producer is idempotent (libs/messaging createIdempotentProducer), not transactional. */
const idempotentProducer: Acl = { resource: { type: 'cluster' }, operations: ['IdempotentWrite'] };

/**
 * A service reads the topics of the events it handles, in its consumer group; writes the topics of
 * the events it creates, and its dead-letter topic. Nothing else: no other topic, no topic creation
 * (the KafkaTopics are the cluster's), no other group.
 */
export function serviceAcls(use: ServiceKafkaUse): Acl[] {
  const reads = use.consumes.map((name) => topic(name, ['Describe', 'Read']));
  const writes = [...use.publishes, use.deadLetterTopic].map((name) => topic(name, ['Describe', 'Write']));
  const both = reads.filter((read) => writes.some((write) => write.resource.name === read.resource.name));
  const merged = [...reads, ...writes]
    .filter((acl) => !both.some((read) => read.resource.name === acl.resource.name))
    .concat(both.map((read) => topic(read.resource.name!, ['Describe', 'Read', 'Write'])));
  return [
    ...sortByName(merged),
    ...(use.consumes.length ? [group(use.group, ['Describe', 'Read'])] : []),
    idempotentProducer,
  ];
}

/**
 * The reporting rebuild runs a second instance of reporting's projections: it reads what reporting
 * reads, in a group `reporting-rebuild-<time>` whose dead-letter topic it creates and, with the
 * group, deletes when done.
 */
export function rebuildAcls(reporting: ServiceKafkaUse): Acl[] {
  return [
    ...reporting.consumes.map((name) => topic(name, ['Describe', 'Read'])),
    topic(REBUILD_PREFIX, ['Create', 'Delete', 'Describe', 'Write'], 'prefix'),
    group(REBUILD_PREFIX, ['Delete', 'Describe', 'Read'], 'prefix'),
    idempotentProducer,
  ];
}

/**
 * The dead-letters tool reads every service's dead-letter topic in a throwaway group, and a replay
 * writes each letter back on the topic it came from: any topic a service consumes.
 */
export function deadLettersAcls(uses: ServiceKafkaUse[]): Acl[] {
  const consumed = [...new Set(uses.flatMap((use) => use.consumes))].sort();
  return [
    ...uses
      .map((use) => topic(use.deadLetterTopic, ['Describe', 'Read']))
      .sort((a, b) => a.resource.name!.localeCompare(b.resource.name!)),
    ...consumed.map((name) => topic(name, ['Describe', 'Write'])),
    group(DEAD_LETTER_READER_PREFIX, ['Delete', 'Describe', 'Read'], 'prefix'),
    idempotentProducer,
  ];
}

function sortByName(acls: Acl[]): Acl[] {
  return [...acls].sort((a, b) => a.resource.name!.localeCompare(b.resource.name!));
}

function kafkaUser(name: string, comment: string, acls: Acl[]): K8sObject {
  return {
    apiVersion: 'kafka.strimzi.io/v1',
    kind: 'KafkaUser',
    metadata: {
      name,
      labels: { 'strimzi.io/cluster': KAFKA_CLUSTER },
      annotations: { 'onestop.gov.vn/kafka-access': comment },
    },
    spec: { authentication: { type: 'scram-sha-512' }, authorization: { type: 'simple', acls } },
  };
}

/** The KafkaUsers the code implies: one per service, the reporting rebuild's and the dead-letters tool's. */
export function expectedKafkaUsers(uses: ServiceKafkaUse[] = platformKafkaUse()): K8sObject[] {
  const reporting = uses.find((use) => use.service === 'reporting')!;
  return [
    ...uses.map((use) =>
      kafkaUser(
        kafkaUserName(use.service),
        `${use.service}: reads ${use.consumes.join(', ') || 'nothing'}; writes ${[...use.publishes, use.deadLetterTopic].join(', ')}`,
        serviceAcls(use),
      ),
    ),
    kafkaUser(
      REBUILD_USER,
      `npm run reporting:rebuild / rebuild.js: replays ${reporting.consumes.join(', ')}`,
      rebuildAcls(reporting),
    ),
    kafkaUser(
      DEAD_LETTERS_USER,
      'dead-letters.js: lists the dead-letter topics, replays onto the consumed topics',
      deadLettersAcls(uses),
    ),
  ];
}

/** Differences between the committed KafkaUsers and the code's; empty when they agree. */
export function kafkaUserDrift(objects: K8sObject[], expected: K8sObject[] = expectedKafkaUsers()): string[] {
  const declared = new Map(
    objects.filter((object) => object.kind === 'KafkaUser').map((object) => [object.metadata.name, object]),
  );
  const problems: string[] = [];
  for (const user of expected) {
    const found = declared.get(user.metadata.name);
    if (!found) problems.push(`${user.metadata.name}: no KafkaUser`);
    else if (!isDeepStrictEqual(found['spec'], user['spec'])) {
      problems.push(
        `${user.metadata.name}: its authentication or ACLs differ from what the code uses (regenerate k8s/base/kafka/users.yaml)`,
      );
    }
  }
  const known = new Set(expected.map((user) => user.metadata.name));
  for (const name of declared.keys()) if (!known.has(name)) problems.push(`${name}: a KafkaUser the code does not use`);
  return problems;
}

export function kafkaUsersYaml(users: K8sObject[] = expectedKafkaUsers()): string {
  const header = [
    '# Generated by tools/deploy/kafka-users.ts from the code: do not edit; regenerate with',
    '#   node -r ./tools/ts-register.js tools/deploy/kafka-users.ts',
    '# (the unit tests fail when this file and the code differ). One SCRAM-SHA-512 user per service and',
    "# tool; Strimzi writes its password to the Secret kafka-user-<user> (the user operator's secretPrefix).",
  ].join('\n');
  return `${header}\n${users.map((user) => stringify(user, { lineWidth: 0, flowCollectionPadding: false })).join('---\n')}`;
}

if (require.main === module) {
  Logger.overrideLogger(['error']); // building six module trees registers six data sources; harmless here
  writeFileSync(KAFKA_USERS_FILE, kafkaUsersYaml());
  console.log(`kafka-users: wrote ${SERVICE_NAMES.length + 2} KafkaUsers to ${KAFKA_USERS_FILE}`);
}
