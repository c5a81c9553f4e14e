import { checkManifests, isPinnedImage, Violation } from './manifest-policy';
import { Container, K8sObject, renderKustomization } from './manifests';

let rendered: K8sObject[];
beforeAll(() => {
  rendered = renderKustomization('k8s/overlays/dev');
}, 60_000);

/** A copy of the dev overlay with one object changed. */
function withChange(kind: string, name: string, change: (object: K8sObject) => void): K8sObject[] {
  const objects = structuredClone(rendered);
  const target = objects.find((object) => object.kind === kind && object.metadata.name === name);
  if (!target) throw new Error(`no ${kind}/${name} in the dev overlay`);
  change(target);
  return objects;
}

function mainContainer(object: K8sObject): Container {
  return (object['spec'] as { template: { spec: { containers: Container[] } } }).template.spec.containers[0];
}

const rulesOf = (violations: Violation[]) =>
  violations.map((violation) => `${violation.rule} ${violation.object}: ${violation.message}`);

/** The policies reject what they are there to reject, not only pass what is there. */
describe('manifest policies', () => {
  it('reject a service without a readiness probe', () => {
    const objects = withChange('Deployment', 'routing', (object) => delete mainContainer(object).readinessProbe);
    expect(rulesOf(checkManifests(objects))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^probes Deployment\/routing: container routing has no readinessProbe/),
      ]),
    );
  });

  it('reject liveness on the readiness endpoint', () => {
    const objects = withChange(
      'Deployment',
      'intake',
      (object) => (mainContainer(object).livenessProbe = { httpGet: { path: '/health/ready', port: 'http' } }),
    );
    expect(rulesOf(checkManifests(objects))).toEqual([
      'service-wiring Deployment/intake: liveness is not /health/live',
    ]);
  });

  it('reject a container without limits', () => {
    const objects = withChange('Deployment', 'reporting', (object) => delete mainContainer(object).resources!.limits);
    expect(rulesOf(checkManifests(objects))).toEqual([
      'resources Deployment/reporting: container reporting has no cpu limits',
      'resources Deployment/reporting: container reporting has no memory limits',
    ]);
  });

  it('reject a container that may run as root or write its filesystem', () => {
    const objects = withChange('Job', 'notification-migrate', (object) => {
      (object['spec'] as { template: { spec: { securityContext: object } } }).template.spec.securityContext = {};
      mainContainer(object).securityContext!.readOnlyRootFilesystem = false;
    });
    expect(rulesOf(checkManifests(objects))).toEqual([
      'non-root Job/notification-migrate: container migrate: runAsNonRoot is not true',
      'non-root Job/notification-migrate: container migrate: readOnlyRootFilesystem is not true',
    ]);
  });

  it('reject an image tagged latest or not tagged', () => {
    expect(isPinnedImage('ghcr.io/onestop-province/onestop-intake:latest')).toBe(false);
    expect(isPinnedImage('ghcr.io/onestop-province/onestop-intake')).toBe(false);
    expect(isPinnedImage('registry.local:5000/onestop-intake')).toBe(false);
    expect(isPinnedImage('registry.local:5000/onestop-intake:0.1.0')).toBe(true);
    expect(isPinnedImage(`redis@sha256:${'a'.repeat(64)}`)).toBe(true);
    const objects = withChange(
      'StatefulSet',
      'onestop-redis',
      (object) => (mainContainer(object).image = 'redis:latest'),
    );
    expect(rulesOf(checkManifests(objects))).toEqual([
      'pinned-image StatefulSet/onestop-redis: container redis image redis:latest is not pinned to a version',
    ]);
  });

  it('reject a service whose NetworkPolicy is missing, even under the default deny', () => {
    const objects = rendered.filter(
      (object) => !(object.kind === 'NetworkPolicy' && object.metadata.name === 'task-monitoring'),
    );
    expect(rulesOf(checkManifests(objects))).toEqual([
      'network-policy Deployment/task-monitoring: no NetworkPolicy selects its pods alone',
    ]);
  });

  it('reject a NetworkPolicy that leaves egress open', () => {
    const objects = withChange(
      'NetworkPolicy',
      'digital-signature',
      (object) => ((object['spec'] as { policyTypes: string[] }).policyTypes = ['Ingress']),
    );
    expect(rulesOf(checkManifests(objects))).toEqual([
      'network-policy Deployment/digital-signature: its NetworkPolicy does not restrict Egress',
    ]);
  });

  it("reject a service's NetworkPolicy that also selects its migration Job", () => {
    const objects = withChange('NetworkPolicy', 'intake', (object) => {
      delete (object['spec'] as { podSelector: { matchLabels: Record<string, string> } }).podSelector.matchLabels[
        'app.kubernetes.io/component'
      ];
    });
    expect(rulesOf(checkManifests(objects))).toEqual([
      'network-policy Deployment/intake: no NetworkPolicy selects its pods alone',
    ]);
  });

  it('reject a NetworkPolicy rule that lets everything through', () => {
    let added = { ingress: -1, egress: -1 };
    const objects = withChange('NetworkPolicy', 'reporting', (object) => {
      const spec = object['spec'] as { egress: object[]; ingress: object[] };
      added = { ingress: spec.ingress.push({ from: [{ podSelector: {} }] }) - 1, egress: spec.egress.push({}) - 1 };
    });
    expect(rulesOf(checkManifests(objects))).toEqual([
      `network-policy NetworkPolicy/reporting: ingress rule ${added.ingress} allows any pod or address on every port`,
      `network-policy NetworkPolicy/reporting: egress rule ${added.egress} allows every peer on every port`,
    ]);
  });

  it('reject secret values in a Secret, an env value, a URL or a ConfigMap', () => {
    const secret: K8sObject = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'onestop-redis' },
      stringData: { password: 'hunter2hunter2' },
    };
    const emptyTemplate: K8sObject = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'onestop-intake' },
      stringData: { PERSONAL_DATA_KEY: '' },
    };
    const objects = withChange('Deployment', 'intake', (object) => {
      const env = mainContainer(object).env!;
      env.find((variable) => variable.name === 'PERSONAL_DATA_KEY')!.valueFrom = undefined;
      env.find((variable) => variable.name === 'PERSONAL_DATA_KEY')!.value = 'c2VjcmV0';
      env.find((variable) => variable.name === 'REDIS_URL')!.value = 'redis://:hunter2@onestop-redis:6379';
    });
    const platform = objects.find(
      (object) => object.kind === 'ConfigMap' && object.metadata.name.startsWith('onestop-platform'),
    )!;
    (platform['data'] as Record<string, string>)['AUTH_CLIENT_SECRET'] = 'abc';
    // KAFKA_SASL_PASSWORD_FILE, already there, names where the Secret is mounted: not a secret.
    (platform['data'] as Record<string, string>)['KAFKA_SASL_PASSWORD'] = 'abc';
    expect(rulesOf(checkManifests([...objects, secret, emptyTemplate]))).toEqual([
      'plaintext-secret Secret/onestop-redis: a Secret with values is in the manifests; create it in the cluster (docs/operations.md)',
      `plaintext-secret ConfigMap/${platform.metadata.name}: ConfigMap key AUTH_CLIENT_SECRET holds a secret`,
      `plaintext-secret ConfigMap/${platform.metadata.name}: ConfigMap key KAFKA_SASL_PASSWORD holds a secret`,
      'plaintext-secret Deployment/intake: container intake: env REDIS_URL has a password in its URL',
      'plaintext-secret Deployment/intake: container intake: env PERSONAL_DATA_KEY has a value in the manifest instead of a secretKeyRef',
    ]);
  });

  it('reject a Redis password given on the command line', () => {
    const objects = withChange('StatefulSet', 'onestop-redis', (object) => {
      const container = mainContainer(object);
      container.command = ['redis-server'];
      container.args = ['--appendonly', 'yes', '--requirepass', 'hunter2'];
    });
    expect(rulesOf(checkManifests(objects))).toEqual([
      expect.stringMatching(
        /^plaintext-secret StatefulSet\/onestop-redis: container redis: argument \d+ carries a secret$/,
      ),
    ]);
  });

  it('reject a service on another port than it listens on, or without its migration', () => {
    const objects = withChange(
      'Deployment',
      'notification',
      (object) => (mainContainer(object).ports = [{ name: 'http', containerPort: 8080 }]),
    ).filter((object) => !(object.kind === 'Job' && object.metadata.name === 'reporting-migrate'));
    expect(rulesOf(checkManifests(objects))).toEqual([
      'service-wiring Deployment/notification: port http is 8080, the service listens on 3004',
      'service-wiring Deployment/reporting: has no reporting-migrate Job running its own image',
    ]);
  });
});
