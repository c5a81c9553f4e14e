import {
  PodMonitor,
  PrometheusRule,
  ServiceMonitor,
} from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import Ajv, { AnySchema, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { CronJob, Job } from 'kubernetes-models/batch/v1';
import { Ingress, NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, PersistentVolumeClaim, Secret, Service, ServiceAccount } from 'kubernetes-models/v1';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, K8sObject } from './manifests';

/** The operators' CustomResourceDefinitions, copied with their licence (schemas/*\/SOURCE says from where). */
export const CRD_DIRECTORY = join(__dirname, 'schemas');

interface ValidatingModel {
  new (data: never): { validate(): void };
}

/** Kubernetes and Prometheus Operator kinds, validated by the kubernetes-models schemas. */
const MODELS: Record<string, ValidatingModel> = {
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
  'v1/ServiceAccount': ServiceAccount,
  'v1/PersistentVolumeClaim': PersistentVolumeClaim,
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
  'batch/v1/Job': Job,
  'batch/v1/CronJob': CronJob,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'networking.k8s.io/v1/Ingress': Ingress,
  'monitoring.coreos.com/v1/ServiceMonitor': ServiceMonitor,
  'monitoring.coreos.com/v1/PodMonitor': PodMonitor,
  'monitoring.coreos.com/v1/PrometheusRule': PrometheusRule,
};

type JsonSchema = { [keyword: string]: unknown };

/**
 * The API server prunes fields a structural schema does not declare, so a misspelt field would
 * vanish silently; validating as `kubectl --validate=strict` does, such a field is an error.
 */
export function strictStructuralSchema(schema: JsonSchema): JsonSchema {
  const strict: JsonSchema = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (keyword === 'properties' || keyword === 'patternProperties') {
      strict[keyword] = Object.fromEntries(
        Object.entries(value as Record<string, JsonSchema>).map(([name, child]) => [
          name,
          strictStructuralSchema(child),
        ]),
      );
    } else if (
      ['items', 'additionalProperties', 'not'].includes(keyword) &&
      typeof value === 'object' &&
      value !== null
    ) {
      strict[keyword] = strictStructuralSchema(value as JsonSchema);
    } else if (['allOf', 'anyOf', 'oneOf'].includes(keyword)) {
      strict[keyword] = (value as JsonSchema[]).map(strictStructuralSchema);
    } else {
      strict[keyword] = value;
    }
  }
  if (
    strict['properties'] &&
    strict['additionalProperties'] === undefined &&
    !strict['x-kubernetes-preserve-unknown-fields']
  ) {
    strict['additionalProperties'] = false;
  }
  return strict;
}

interface CustomResourceDefinition {
  kind: string;
  spec: {
    group: string;
    names: { kind: string };
    versions: { name: string; served: boolean; schema: { openAPIV3Schema: JsonSchema } }[];
  };
}

let customResourceValidators: Map<string, ValidateFunction> | undefined;

function loadCustomResourceValidators(): Map<string, ValidateFunction> {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validators = new Map<string, ValidateFunction>();
  for (const operator of readdirSync(CRD_DIRECTORY)) {
    for (const file of readdirSync(join(CRD_DIRECTORY, operator)).filter((name) => name.endsWith('.yaml'))) {
      for (const document of parseAllDocuments(readFileSync(join(CRD_DIRECTORY, operator, file), 'utf8'))) {
        const crd = document.toJS() as CustomResourceDefinition | null;
        if (crd?.kind !== 'CustomResourceDefinition') continue;
        for (const version of crd.spec.versions.filter((candidate) => candidate.served)) {
          const schema = strictStructuralSchema(version.schema.openAPIV3Schema);
          // Object metadata is the API server's to check, not the CRD's.
          (schema['properties'] as Record<string, JsonSchema>)['metadata'] = { type: 'object' };
          validators.set(`${crd.spec.group}/${version.name}/${crd.spec.names.kind}`, ajv.compile(schema as AnySchema));
        }
      }
    }
  }
  return validators;
}

const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/;

/**
 * Validates each object offline against the schema of its kind: Kubernetes' own (through
 * kubernetes-models), or the operators' CRDs. An object of a kind with no schema is an error too.
 * Returns one line per problem.
 */
export function schemaErrors(objects: K8sObject[]): string[] {
  customResourceValidators ??= loadCustomResourceValidators();
  return objects.flatMap((object) => {
    const key = `${object.apiVersion}/${object.kind}`;
    const errors: string[] = [];
    if (!DNS_SUBDOMAIN.test(object.metadata?.name ?? ''))
      errors.push(`metadata.name "${object.metadata?.name}" is not a DNS subdomain`);
    const Model = MODELS[key];
    const validateCustom = customResourceValidators!.get(key);
    if (Model) {
      try {
        new Model(object as never).validate();
      } catch (error) {
        errors.push((error as Error).message);
      }
    } else if (validateCustom) {
      if (!validateCustom(object))
        errors.push(
          ...(validateCustom.errors ?? []).map(
            (error) =>
              `${error.instancePath || '/'} ${error.message}${error.params['additionalProperty'] ? ` (${error.params['additionalProperty']})` : ''}`,
          ),
        );
    } else {
      errors.push(`no schema for ${key}`);
    }
    return errors.map((error) => `${describe(object)}: ${error}`);
  });
}
