import { SERVICE_NAMES, SERVICE_PORTS, ServiceName } from '@onestop/contracts';
import { Container, containersOf, describe, K8sObject, podTemplateOf, PodTemplate, selects } from './manifests';

export interface Violation {
  rule: 'probes' | 'resources' | 'non-root' | 'pinned-image' | 'network-policy' | 'plaintext-secret' | 'service-wiring';
  object: string;
  message: string;
}

type Policy = (objects: K8sObject[]) => Violation[];

const LONG_RUNNING = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

function workloads(objects: K8sObject[]): { object: K8sObject; template: PodTemplate }[] {
  return objects.flatMap((object) => {
    const template = podTemplateOf(object);
    return template ? [{ object, template }] : [];
  });
}

/** Every long-running container says when to restart it and when to send it traffic. */
export const probesPolicy: Policy = (objects) =>
  workloads(objects)
    .filter(({ object }) => LONG_RUNNING.has(object.kind))
    .flatMap(({ object, template }) =>
      template.spec.containers.flatMap((container) =>
        (['livenessProbe', 'readinessProbe'] as const)
          .filter((probe) => !container[probe])
          .map((probe) => ({
            rule: 'probes' as const,
            object: describe(object),
            message: `container ${container.name} has no ${probe}`,
          })),
      ),
    );

/** Every container, init containers and jobs included, asks for and is capped in CPU and memory. */
export const resourcesPolicy: Policy = (objects) =>
  workloads(objects).flatMap(({ object, template }) =>
    containersOf(template).flatMap((container) =>
      (['requests', 'limits'] as const).flatMap((kind) =>
        ['cpu', 'memory']
          .filter((resource) => !container.resources?.[kind]?.[resource])
          .map((resource) => ({
            rule: 'resources' as const,
            object: describe(object),
            message: `container ${container.name} has no ${resource} ${kind}`,
          })),
      ),
    ),
  );

/** No container runs as root, gains privileges, writes its image's filesystem or keeps capabilities. */
export const nonRootPolicy: Policy = (objects) =>
  workloads(objects).flatMap(({ object, template }) =>
    containersOf(template).flatMap((container) => {
      const pod = template.spec.securityContext ?? {};
      const own = container.securityContext ?? {};
      const problems: string[] = [];
      if (!(own.runAsNonRoot ?? pod.runAsNonRoot)) problems.push('runAsNonRoot is not true');
      if ((own.runAsUser ?? pod.runAsUser) === 0) problems.push('runs as user 0');
      if (own.allowPrivilegeEscalation !== false) problems.push('allowPrivilegeEscalation is not false');
      if (own.readOnlyRootFilesystem !== true) problems.push('readOnlyRootFilesystem is not true');
      if (!own.capabilities?.drop?.includes('ALL')) problems.push('does not drop ALL capabilities');
      return problems.map((problem) => ({
        rule: 'non-root' as const,
        object: describe(object),
        message: `container ${container.name}: ${problem}`,
      }));
    }),
  );

/** An image reference that names one version: a digest, or a tag other than `latest`. */
export function isPinnedImage(image: string | undefined): boolean {
  if (!image) return false;
  if (/@sha256:[0-9a-f]{64}$/.test(image)) return true;
  const lastPart = image.slice(image.lastIndexOf('/') + 1);
  const tag = lastPart.includes(':') ? lastPart.slice(lastPart.indexOf(':') + 1) : '';
  return tag !== '' && tag !== 'latest';
}

/** Every image, the operators' database image included, names its version. */
export const pinnedImagesPolicy: Policy = (objects) => [
  ...workloads(objects).flatMap(({ object, template }) =>
    containersOf(template)
      .filter((container) => !isPinnedImage(container.image))
      .map((container) => ({
        rule: 'pinned-image' as const,
        object: describe(object),
        message: `container ${container.name} image ${container.image ?? '(none)'} is not pinned to a version`,
      })),
  ),
  ...objects
    .filter(
      (object) =>
        object.kind === 'Cluster' && !isPinnedImage((object['spec'] as { imageName?: string } | undefined)?.imageName),
    )
    .map((object) => ({
      rule: 'pinned-image' as const,
      object: describe(object),
      message: 'imageName is not pinned to a version',
    })),
];

type Selector = Parameters<typeof selects>[0];

interface NetworkPolicyPeer {
  podSelector?: Selector;
  namespaceSelector?: Selector;
  ipBlock?: { cidr: string };
}

interface NetworkPolicyRule {
  from?: NetworkPolicyPeer[];
  to?: NetworkPolicyPeer[];
  ports?: unknown[];
}

interface NetworkPolicySpec {
  podSelector: Selector;
  policyTypes?: string[];
  ingress?: NetworkPolicyRule[];
  egress?: NetworkPolicyRule[];
}

/** A selector that is absent or selects everything. */
const selectsAll = (selector: Selector | undefined) =>
  !selector || (!selector.matchLabels && !selector.matchExpressions?.length);

/** A peer that stands for anybody: every address, or every pod of every (or this) namespace. */
const anybody = (peer: NetworkPolicyPeer) =>
  peer.ipBlock ? peer.ipBlock.cidr === '0.0.0.0/0' : selectsAll(peer.podSelector) && selectsAll(peer.namespaceSelector);

/** Why a rule lets more through than a name or a port can justify, or null. A rule naming ports may be open to anybody (the identity provider's HTTPS). */
function openness(rule: NetworkPolicyRule, peers: NetworkPolicyPeer[] | undefined): string | null {
  if (rule.ports?.length) return null;
  if (!peers?.length) return 'allows every peer on every port';
  return peers.some(anybody) ? 'allows any pod or address on every port' : null;
}

/**
 * Every workload has a NetworkPolicy of its own (one that selects its pods and no other
 * workload's, jobs included) restricting both directions; a namespace-wide default-deny alone
 * does not count. Jobs may share one policy among themselves. No rule of any policy lets every
 * peer through on every port.
 */
export const networkPolicyPerWorkloadPolicy: Policy = (objects) => {
  const all = workloads(objects);
  const policies = objects.filter((object) => object.kind === 'NetworkPolicy');
  const specs = policies.map((object) => object['spec'] as NetworkPolicySpec);
  const labelsOf = (template: PodTemplate) => template.metadata?.labels ?? {};
  const coverage = all.flatMap(({ object, template }) => {
    const longRunning = LONG_RUNNING.has(object.kind);
    const own = specs.filter(
      (policy) =>
        selects(policy.podSelector, labelsOf(template)) &&
        all.every(
          (other) =>
            other.object === object ||
            (!longRunning && !LONG_RUNNING.has(other.object.kind)) ||
            !selects(policy.podSelector, labelsOf(other.template)),
        ),
    );
    if (own.length === 0)
      return [
        {
          rule: 'network-policy' as const,
          object: describe(object),
          message: 'no NetworkPolicy selects its pods alone',
        },
      ];
    const types = new Set(own.flatMap((policy) => policy.policyTypes ?? ['Ingress']));
    return ['Ingress', 'Egress']
      .filter((type) => !types.has(type))
      .map((type) => ({
        rule: 'network-policy' as const,
        object: describe(object),
        message: `its NetworkPolicy does not restrict ${type}`,
      }));
  });
  const open = policies.flatMap((object) => {
    const spec = object['spec'] as NetworkPolicySpec;
    return [
      ...(spec.ingress ?? []).map((rule, index) => ({
        found: openness(rule, rule.from),
        where: `ingress rule ${index}`,
      })),
      ...(spec.egress ?? []).map((rule, index) => ({ found: openness(rule, rule.to), where: `egress rule ${index}` })),
    ]
      .filter(({ found }) => found !== null)
      .map(({ found, where }) => ({
        rule: 'network-policy' as const,
        object: describe(object),
        message: `${where} ${found}`,
      }));
  });
  return [...coverage, ...open];
};

/** Names of settings whose values are secrets. */
const SENSITIVE_NAME = /(PASSWORD|SECRET|TOKEN|CREDENTIAL|_KEY$|^SMS_PROVIDERS$)/i;
/** A `_FILE` setting names where a mounted Secret is, not the secret itself. */
const FILE_PATH_NAME = /_FILE$/;
/** A URL with a password in it, unless the password is a $(VARIABLE) reference filled from a Secret. */
const URL_WITH_PASSWORD = /[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:([^@\s]+)@/i;
const VARIABLE_REFERENCE = /^\$\([A-Za-z_][A-Za-z0-9_]*\)$/;

function inlinePassword(value: string): boolean {
  const match = URL_WITH_PASSWORD.exec(value);
  return !!match && !VARIABLE_REFERENCE.test(match[1]);
}

function plaintextInContainer(container: Container): string[] {
  const found: string[] = [];
  for (const variable of container.env ?? []) {
    if (variable.value === undefined) continue;
    if (SENSITIVE_NAME.test(variable.name) && !FILE_PATH_NAME.test(variable.name))
      found.push(`env ${variable.name} has a value in the manifest instead of a secretKeyRef`);
    else if (inlinePassword(variable.value)) found.push(`env ${variable.name} has a password in its URL`);
  }
  const args = [...(container.command ?? []), ...(container.args ?? [])];
  args.forEach((arg, index) => {
    const previous = args[index - 1] ?? '';
    if (
      inlinePassword(arg) ||
      (/pass|secret|token/i.test(previous) && previous.startsWith('-') && !VARIABLE_REFERENCE.test(arg))
    ) {
      found.push(`argument ${index} carries a secret`);
    }
  });
  return found;
}

/** No secret value is written in the manifests: Secrets are created in the cluster, referenced here. */
export const noPlaintextSecretsPolicy: Policy = (objects) => [
  ...objects
    .filter((object) => object.kind === 'Secret')
    .filter((object) =>
      Object.values({ ...(object['data'] as object), ...(object['stringData'] as object) }).some(
        (value) => value !== '' && value !== null,
      ),
    )
    .map((object) => ({
      rule: 'plaintext-secret' as const,
      object: describe(object),
      message: 'a Secret with values is in the manifests; create it in the cluster (docs/operations.md)',
    })),
  ...objects
    .filter((object) => object.kind === 'ConfigMap')
    .flatMap((object) =>
      Object.entries((object['data'] as Record<string, string> | undefined) ?? {})
        .filter(([key, value]) => (SENSITIVE_NAME.test(key) && !FILE_PATH_NAME.test(key)) || inlinePassword(value))
        .map(([key]) => ({
          rule: 'plaintext-secret' as const,
          object: describe(object),
          message: `ConfigMap key ${key} holds a secret`,
        })),
    ),
  ...workloads(objects).flatMap(({ object, template }) =>
    containersOf(template).flatMap((container) =>
      plaintextInContainer(container).map((message) => ({
        rule: 'plaintext-secret' as const,
        object: describe(object),
        message: `container ${container.name}: ${message}`,
      })),
    ),
  ),
];

function serviceDeployment(
  objects: K8sObject[],
  service: ServiceName,
): { object: K8sObject; template: PodTemplate } | undefined {
  return workloads(objects).find(({ object }) => object.kind === 'Deployment' && object.metadata.name === service);
}

/**
 * Each of the six services runs as the code expects: on its port, with liveness on
 * /health/live and readiness on /health/ready, behind a Service, with a migration Job and pods
 * that wait for it.
 */
export const serviceWiringPolicy: Policy = (objects) =>
  SERVICE_NAMES.flatMap((service) => {
    const found = serviceDeployment(objects, service);
    const problem = (message: string): Violation => ({
      rule: 'service-wiring',
      object: `Deployment/${service}`,
      message,
    });
    if (!found) return [problem('is missing')];
    const port = SERVICE_PORTS[service];
    const container = found.template.spec.containers[0];
    const problems: Violation[] = [];
    const http = container.ports?.find((candidate) => candidate.name === 'http');
    if (http?.containerPort !== port)
      problems.push(problem(`port http is ${http?.containerPort ?? 'missing'}, the service listens on ${port}`));
    if (container.env?.find((variable) => variable.name === 'PORT')?.value !== String(port))
      problems.push(problem(`PORT is not ${port}`));
    const probePath = (probe: 'livenessProbe' | 'readinessProbe') => container[probe]?.httpGet?.path;
    if (probePath('livenessProbe') !== '/health/live') problems.push(problem('liveness is not /health/live'));
    if (probePath('readinessProbe') !== '/health/ready') problems.push(problem('readiness is not /health/ready'));
    if (!objects.some((object) => object.kind === 'Service' && object.metadata.name === service))
      problems.push(problem('has no Service'));
    const job = workloads(objects).find(
      ({ object }) => object.kind === 'Job' && object.metadata.name === `${service}-migrate`,
    );
    if (!job || job.template.spec.containers[0].image !== container.image)
      problems.push(problem(`has no ${service}-migrate Job running its own image`));
    const waits = found.template.spec.initContainers?.some(
      (init) => init.image === container.image && init.command?.join(' ').includes('migrate.js --wait'),
    );
    if (!waits) problems.push(problem('its pods do not wait for their migrations'));
    return problems;
  });

export const POLICIES: Policy[] = [
  probesPolicy,
  resourcesPolicy,
  nonRootPolicy,
  pinnedImagesPolicy,
  networkPolicyPerWorkloadPolicy,
  noPlaintextSecretsPolicy,
  serviceWiringPolicy,
];

export function checkManifests(objects: K8sObject[]): Violation[] {
  return POLICIES.flatMap((policy) => policy(objects));
}
