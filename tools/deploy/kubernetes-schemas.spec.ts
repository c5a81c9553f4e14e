import { topicDrift } from './kafka-topics';
import { schemaErrors } from './kubernetes-schemas';
import { K8sObject, renderKustomization } from './manifests';

let rendered: K8sObject[];
beforeAll(() => {
  rendered = renderKustomization('k8s/overlays/dev');
}, 60_000);

function changed(kind: string, name: string, change: (spec: Record<string, unknown>) => void): K8sObject[] {
  const objects = structuredClone(rendered).filter((object) => object.kind === kind && object.metadata.name === name);
  change(objects[0]['spec'] as Record<string, unknown>);
  return objects;
}

/** Offline validation catches what the API server or the operators would refuse or silently drop. */
describe('schema validation', () => {
  it('rejects a Deployment whose container port is not a number', () => {
    const objects = changed('Deployment', 'intake', (spec) => {
      (spec['template'] as { spec: { containers: { ports: object[] }[] } }).spec.containers[0].ports = [
        { name: 'http', containerPort: 'http' },
      ];
    });
    expect(schemaErrors(objects).join('\n')).toMatch(/Deployment\/intake: .*containerPort must be integer/);
  });

  it('rejects a misspelt field of a KafkaTopic and a wrong type in the PostgreSQL cluster', () => {
    const topic = changed('KafkaTopic', 'dossier.events', (spec) => (spec['partition'] = 12));
    expect(schemaErrors(topic)).toEqual([
      'KafkaTopic/dossier.events: /spec must NOT have additional properties (partition)',
    ]);
    const cluster = changed('Cluster', 'onestop-db', (spec) => (spec['instances'] = 'three'));
    expect(schemaErrors(cluster)).toEqual(['Cluster/onestop-db: /spec/instances must be integer']);
  });

  it("rejects a misspelt field of the identity provider's Keycloak and a realm import without its Keycloak", () => {
    const keycloak = changed(
      'Keycloak',
      'onestop-id',
      (spec) => ((spec['hostname'] as Record<string, unknown>)['hostName'] = 'https://id.example'),
    );
    expect(schemaErrors(keycloak)).toEqual([
      'Keycloak/onestop-id: /spec/hostname must NOT have additional properties (hostName)',
    ]);
    const realmImport = changed('KeycloakRealmImport', 'onestop-realm', (spec) => delete spec['keycloakCRName']);
    expect(schemaErrors(realmImport)).toEqual([
      "KeycloakRealmImport/onestop-realm: /spec must have required property 'keycloakCRName'",
    ]);
  });

  it('rejects a kind it has no schema for', () => {
    expect(schemaErrors([{ apiVersion: 'example.org/v1', kind: 'Widget', metadata: { name: 'w' } }])).toEqual([
      'Widget/w: no schema for example.org/v1/Widget',
    ]);
  });

  it('tells a KafkaTopic that differs from the code', () => {
    const objects = structuredClone(rendered);
    const dossierEvents = objects.find((object) => object.metadata.name === 'dossier.events')!;
    (dossierEvents['spec'] as { partitions: number }).partitions = 6;
    const withoutDeadLetters = objects.filter((object) => object.metadata.name !== 'routing.dead-letters');
    expect(topicDrift(withoutDeadLetters)).toEqual([
      'dossier.events: 6 partitions, the code uses 12',
      'routing.dead-letters: no KafkaTopic',
    ]);
  });
});
