import { SERVICE_NAMES } from '@onestop/contracts';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createdEvents, platformKafkaUse, ServiceKafkaUse, sourceFiles } from './kafka-access';
import { expectedKafkaUsers, KAFKA_USERS_FILE, kafkaUserDrift, kafkaUserName, kafkaUsersYaml } from './kafka-users';
import { Container, K8sObject, parseManifests, podTemplateOf, renderKustomization, ROOT } from './manifests';

interface Listener {
  name: string;
  tls: boolean;
  authentication?: { type: string };
}

let uses: ServiceKafkaUse[];
let rendered: K8sObject[];
beforeAll(() => {
  uses = platformKafkaUse();
  rendered = renderKustomization('k8s/overlays/dev');
}, 60_000);

const useOf = (service: string) => uses.find((use) => use.service === service)!;

describe('Kafka access derived from the code', () => {
  it('finds the topics each service consumes from its handlers and publishes from the events it creates', () => {
    expect(useOf('reporting')).toEqual({
      service: 'reporting',
      group: 'reporting',
      consumes: ['dossier.events', 'notification.events', 'reference.events', 'signature.events', 'task.events'],
      publishes: [],
      deadLetterTopic: 'reporting.dead-letters',
    });
    expect(useOf('digital-signature')).toMatchObject({
      consumes: ['signature.events'],
      publishes: ['signature.events'],
    });
    expect(useOf('notification')).toMatchObject({
      consumes: ['dossier.events', 'task.events'],
      publishes: ['notification.events'],
    });
    // Handlers a service gets from a shared library count too: the calendar's WorkingCalendarChanged.
    expect(useOf('task-monitoring').consumes).toContain('reference.events');
  });

  it('sees every event creation: only the services create events, each naming its definition', () => {
    const libraries = readdirSync(join(ROOT, 'libs')).flatMap((library) =>
      sourceFiles(join(ROOT, 'libs', library, 'src')),
    );
    expect(libraries.filter((file) => /createEvent\(/.test(readFileSync(file, 'utf8')))).toEqual([]);
    // Calls spread over several lines count as well as one-line ones.
    expect(createdEvents('intake')).toEqual([
      'DossierReceived',
      'DossierRefusedAtIntake',
      'DossierStatusChanged',
      'ServiceRated',
      'WorkingCalendarChanged',
    ]);
  });
});

describe('the KafkaUsers', () => {
  it('are committed exactly as the code implies (regenerate with tools/deploy/kafka-users.ts)', () => {
    expect(kafkaUserDrift(rendered, expectedKafkaUsers(uses))).toEqual([]);
    expect(readFileSync(KAFKA_USERS_FILE, 'utf8')).toBe(kafkaUsersYaml(expectedKafkaUsers(uses)));
  });

  it('fail the check when a service consumes a topic its ACLs do not name', () => {
    const notificationReadsSignatures = uses.map((use) =>
      use.service === 'notification' ? { ...use, consumes: [...use.consumes, 'signature.events'] } : use,
    );
    expect(kafkaUserDrift(rendered, expectedKafkaUsers(notificationReadsSignatures))).toEqual([
      'onestop-notification: its authentication or ACLs differ from what the code uses (regenerate k8s/base/kafka/users.yaml)',
    ]);
    const withoutRouting = rendered.filter((object) => object.metadata.name !== 'onestop-routing');
    expect(kafkaUserDrift(withoutRouting, expectedKafkaUsers(uses))).toEqual(['onestop-routing: no KafkaUser']);
  });

  it('give a service read on what it consumes, write on what it publishes and its dead letters, its group, and nothing else', () => {
    const user = parseManifests(readFileSync(KAFKA_USERS_FILE, 'utf8')).find(
      (object) => object.metadata.name === 'onestop-digital-signature',
    )!;
    expect(user['spec']).toEqual({
      authentication: { type: 'scram-sha-512' },
      authorization: {
        type: 'simple',
        acls: [
          {
            resource: { type: 'topic', name: 'digital-signature.dead-letters', patternType: 'literal' },
            operations: ['Describe', 'Write'],
          },
          {
            resource: { type: 'topic', name: 'signature.events', patternType: 'literal' },
            operations: ['Describe', 'Read', 'Write'],
          },
          {
            resource: { type: 'group', name: 'digital-signature', patternType: 'literal' },
            operations: ['Describe', 'Read'],
          },
          { resource: { type: 'cluster' }, operations: ['IdempotentWrite'] },
        ],
      },
    });
  });
});

describe('the Kafka cluster and its clients', () => {
  it('takes clients only over TLS, each authenticated with SCRAM-SHA-512, and authorises them by ACL', () => {
    const kafka = rendered.find((object) => object.kind === 'Kafka')!['spec'] as {
      kafka: { listeners: Listener[]; authorization?: { type: string } };
    };
    expect(kafka.kafka.listeners.length).toBeGreaterThan(0);
    for (const listener of kafka.kafka.listeners) {
      expect({ name: listener.name, tls: listener.tls, authentication: listener.authentication }).toEqual({
        name: listener.name,
        tls: true,
        authentication: { type: 'scram-sha-512' },
      });
    }
    expect(kafka.kafka.authorization).toEqual({ type: 'simple' });
  });

  it.each(SERVICE_NAMES)('runs %s as its own Kafka user with its password and the cluster CA mounted', (service) => {
    const template = podTemplateOf(
      rendered.find((object) => object.kind === 'Deployment' && object.metadata.name === service)!,
    )!;
    const container = template.spec.containers[0] as Container & {
      volumeMounts: { name: string; mountPath: string }[];
    };
    const volumes = (template.spec as unknown as { volumes: { name: string; secret?: { secretName: string } }[] })
      .volumes;
    const config = rendered.find(
      (object) => object.kind === 'ConfigMap' && object.metadata.name.startsWith('onestop-platform'),
    )!['data'] as Record<string, string>;
    const mountOf = (secretName: string) =>
      container.volumeMounts.find(
        (mount) => mount.name === volumes.find((volume) => volume.secret?.secretName === secretName)?.name,
      )?.mountPath;

    expect(container.env?.find((variable) => variable.name === 'KAFKA_SASL_USERNAME')?.value).toBe(
      kafkaUserName(service),
    );
    expect(
      rendered.some((object) => object.kind === 'KafkaUser' && object.metadata.name === kafkaUserName(service)),
    ).toBe(true);
    expect(config['KAFKA_SASL_PASSWORD_FILE']).toBe(`${mountOf(`kafka-user-${kafkaUserName(service)}`)}/password`);
    expect(config['KAFKA_TLS_CA_FILE']).toBe(`${mountOf('onestop-cluster-ca-cert')}/ca.crt`);
    expect(config).toMatchObject({
      KAFKA_BROKERS: 'onestop-kafka-bootstrap:9093',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_TLS: 'true',
    });
  });
});
