import { SERVICE_NAMES } from '@onestop/contracts';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { topicDrift } from './kafka-topics';
import { schemaErrors } from './kubernetes-schemas';
import { checkManifests } from './manifest-policy';
import { K8sObject, renderKustomization, ROOT } from './manifests';

const OVERLAYS = readdirSync(join(ROOT, 'k8s/overlays'));

/** What the province IT team applies: every overlay, rendered by kubectl as the cluster gets it. */
describe.each(OVERLAYS)('the %s overlay', (overlay) => {
  let objects: K8sObject[];
  beforeAll(() => {
    objects = renderKustomization(`k8s/overlays/${overlay}`);
  }, 60_000);

  it('renders every object valid against the Kubernetes and operator schemas', () => {
    expect(objects.length).toBeGreaterThan(40);
    expect(schemaErrors(objects)).toEqual([]);
  });

  it('passes the policies: probes, resources, non-root, pinned images, a NetworkPolicy per service, no plaintext secrets', () => {
    expect(checkManifests(objects)).toEqual([]);
  });

  it("declares exactly the code's Kafka topics, with its partitions and retention", () => {
    expect(topicDrift(objects)).toEqual([]);
  });

  it('puts everything in one namespace and ships no Secret', () => {
    const namespaces = new Set(objects.map((object) => object.metadata.namespace));
    expect(namespaces.size).toBe(1);
    expect(objects.filter((object) => object.kind === 'Secret')).toEqual([]);
  });

  it('gives each service, and the identity provider, its own database and role in the PostgreSQL cluster', () => {
    const databases = objects
      .filter((object) => object.kind === 'Database')
      .map((object) => (object['spec'] as { name: string }).name);
    const cluster = objects.find((object) => object.kind === 'Cluster')!['spec'] as {
      bootstrap: { initdb: { database: string } };
    };
    const owners = [...SERVICE_NAMES, 'keycloak'];
    expect([cluster.bootstrap.initdb.database, ...databases].sort()).toEqual(
      owners.map((owner) => `onestop_${owner.replace(/-/g, '_')}`).sort(),
    );
  });
});

describe('the production overlay', () => {
  it('autoscales and budgets disruptions for every service and the web application, and spreads their pods', () => {
    const objects = renderKustomization('k8s/overlays/hue');
    const targets = (kind: string, pick: (spec: Record<string, never>) => string) =>
      objects
        .filter((object) => object.kind === kind)
        .map((object) => pick(object['spec'] as Record<string, never>))
        .sort();
    expect(targets('HorizontalPodAutoscaler', (spec) => (spec['scaleTargetRef'] as { name: string }).name)).toEqual(
      [...SERVICE_NAMES, 'web'].sort(),
    );
    expect(
      targets(
        'PodDisruptionBudget',
        (spec) => (spec['selector'] as { matchLabels: Record<string, string> }).matchLabels['app.kubernetes.io/name'],
      ),
    ).toEqual([...SERVICE_NAMES, 'web'].sort());
    for (const deployment of objects.filter((object) => object.kind === 'Deployment')) {
      const spec = deployment['spec'] as {
        replicas?: number;
        template: { spec: { topologySpreadConstraints?: unknown[] } };
      };
      expect(spec.replicas).toBeUndefined();
      expect(spec.template.spec.topologySpreadConstraints).toHaveLength(2);
    }
  }, 60_000);
});
