import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** The workspace root, whatever the working directory. */
export const ROOT = join(__dirname, '../..');

/** One Kubernetes object as rendered: only the fields every object has are typed. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

export interface Container {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  ports?: { name?: string; containerPort: number }[];
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: SecurityContext;
}

export interface Probe {
  httpGet?: { path?: string; port: number | string };
  tcpSocket?: { port: number | string };
  exec?: { command: string[] };
}

export interface SecurityContext {
  runAsNonRoot?: boolean;
  runAsUser?: number;
  allowPrivilegeEscalation?: boolean;
  readOnlyRootFilesystem?: boolean;
  capabilities?: { drop?: string[] };
}

export interface PodTemplate {
  metadata?: { labels?: Record<string, string> };
  spec: { containers: Container[]; initContainers?: Container[]; securityContext?: SecurityContext };
}

/** Kinds whose objects run containers, and where their pod template is. */
const POD_TEMPLATES: Record<string, (object: K8sObject) => PodTemplate | undefined> = {
  Deployment: (object) => (object['spec'] as { template?: PodTemplate } | undefined)?.template,
  StatefulSet: (object) => (object['spec'] as { template?: PodTemplate } | undefined)?.template,
  DaemonSet: (object) => (object['spec'] as { template?: PodTemplate } | undefined)?.template,
  Job: (object) => (object['spec'] as { template?: PodTemplate } | undefined)?.template,
  CronJob: (object) =>
    (object['spec'] as { jobTemplate?: { spec?: { template?: PodTemplate } } } | undefined)?.jobTemplate?.spec
      ?.template,
};

export function podTemplateOf(object: K8sObject): PodTemplate | undefined {
  return POD_TEMPLATES[object.kind]?.(object);
}

export function containersOf(template: PodTemplate): Container[] {
  return [...(template.spec.initContainers ?? []), ...template.spec.containers];
}

export function describe(object: K8sObject): string {
  return `${object.kind}/${object.metadata.name}`;
}

export function parseManifests(text: string): K8sObject[] {
  return parseAllDocuments(text)
    .map((document) => {
      if (document.errors.length) throw new Error(`invalid YAML: ${document.errors[0].message}`);
      return document.toJS() as K8sObject | null;
    })
    .filter((object): object is K8sObject => object !== null);
}

/** Renders a kustomization with the real `kubectl kustomize`, as the cluster would receive it. */
export function renderKustomization(directory: string): K8sObject[] {
  const output = execFileSync('kubectl', ['kustomize', directory], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return parseManifests(output);
}

/** Whether a label selector (matchLabels and matchExpressions) selects these labels. */
export function selects(
  selector: {
    matchLabels?: Record<string, string>;
    matchExpressions?: { key: string; operator: string; values?: string[] }[];
  },
  labels: Record<string, string>,
): boolean {
  const byLabels = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  const byExpressions = (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    if (operator === 'In') return key in labels && values.includes(labels[key]);
    if (operator === 'NotIn') return !(key in labels) || !values.includes(labels[key]);
    if (operator === 'Exists') return key in labels;
    return !(key in labels);
  });
  return byLabels && byExpressions;
}
