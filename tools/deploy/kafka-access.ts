import 'reflect-metadata';
import { Type } from '@nestjs/common';
import * as contracts from '@onestop/contracts';
import { deadLetterTopic, EventDefinition, SERVICE_NAMES, ServiceName } from '@onestop/contracts';
import { digitalSignatureService } from '@onestop/digital-signature';
import { intakeService } from '@onestop/intake';
import { eventTypesHandledBy } from '@onestop/messaging';
import { notificationService } from '@onestop/notification';
import { loadConfig, serviceDefaults, ServiceDefinition } from '@onestop/platform';
import { reportingService } from '@onestop/reporting';
import { routingService } from '@onestop/routing';
import { taskMonitoringService } from '@onestop/task-monitoring';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './manifests';

const SERVICES: Record<ServiceName, ServiceDefinition<never>> = {
  intake: intakeService,
  routing: routingService,
  'digital-signature': digitalSignatureService,
  notification: notificationService,
  reporting: reportingService,
  'task-monitoring': taskMonitoringService,
} as Record<ServiceName, ServiceDefinition<never>>;

/** What one service does on Kafka, as its code does it. */
export interface ServiceKafkaUse {
  service: ServiceName;
  /** Its consumer group (KAFKA_GROUP_ID is not set on the cluster: the service's name). */
  group: string;
  /** Topics of the events its `@EventPattern` handlers take, found as Nest registers them. */
  consumes: string[];
  /** Topics of the events its code creates (createEvent) and its relay publishes. */
  publishes: string[];
  deadLetterTopic: string;
}

type ModuleLike =
  | Type<unknown>
  | { module: Type<unknown>; imports?: unknown[]; providers?: unknown[]; controllers?: unknown[] }
  | { forwardRef: () => unknown };

/**
 * The provider and controller classes of a module tree: the classes Nest would instantiate. Static
 * @Module metadata and dynamic modules (forRoot/register) alike; nothing is instantiated.
 */
function moduleClasses(root: ModuleLike): Set<Type<unknown>> {
  const classes = new Set<Type<unknown>>();
  const seen = new Set<unknown>();
  const visit = (candidate: unknown): void => {
    if (!candidate || seen.has(candidate) || candidate instanceof Promise) return;
    seen.add(candidate);
    if (typeof candidate === 'object' && 'forwardRef' in candidate)
      return visit((candidate as { forwardRef: () => unknown }).forwardRef());
    const dynamic =
      typeof candidate === 'object' && 'module' in candidate
        ? (candidate as Exclude<ModuleLike, Type<unknown> | { forwardRef: () => unknown }>)
        : undefined;
    const moduleClass = dynamic ? dynamic.module : (candidate as Type<unknown>);
    const imports = [
      ...(dynamic?.imports ?? []),
      ...((Reflect.getMetadata('imports', moduleClass) as unknown[]) ?? []),
    ];
    const providers = [
      ...(dynamic?.providers ?? []),
      ...((Reflect.getMetadata('providers', moduleClass) as unknown[]) ?? []),
    ];
    const controllers = [
      ...(dynamic?.controllers ?? []),
      ...((Reflect.getMetadata('controllers', moduleClass) as unknown[]) ?? []),
    ];
    for (const controller of controllers) classes.add(controller as Type<unknown>);
    if (dynamic) visit(dynamic.module);
    for (const provider of providers) {
      if (typeof provider === 'function') classes.add(provider as Type<unknown>);
      else if (provider && typeof provider === 'object' && 'useClass' in provider)
        classes.add((provider as { useClass: Type<unknown> }).useClass);
    }
    imports.forEach(visit);
  };
  visit(root);
  return classes;
}

function consumedTopics(service: ServiceName): string[] {
  const definition = SERVICES[service];
  const env = loadConfig(definition.envClass, {}, serviceDefaults(service, 'development'));
  const classes = [...moduleClasses(definition.module(env, undefined) as ModuleLike)];
  const types = classes.flatMap((type) => eventTypesHandledBy(type));
  return unique(types.map((type) => contracts.EVENT_CATALOGUE.find((event) => event.type === type)!.topic));
}

/** The catalogue's events by the name @onestop/contracts exports them under, as the code refers to them. */
const EVENTS_BY_NAME = new Map<string, EventDefinition>(
  (Object.entries(contracts) as [string, unknown][]).filter((entry): entry is [string, EventDefinition] =>
    contracts.EVENT_CATALOGUE.includes(entry[1] as EventDefinition),
  ),
);

/** Source files of a folder, tests and test helpers left out. */
export function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return name === 'test' ? [] : sourceFiles(path);
    return /(?<!\.spec|\.integration-spec|\.e2e-spec)\.ts$/.test(name) ? [path] : [];
  });
}

/** The events a service's code creates: `createEvent(<Definition>, …)` in its sources. */
export function createdEvents(service: ServiceName): string[] {
  const names = sourceFiles(join(ROOT, 'apps', service, 'src')).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/createEvent\(\s*([A-Za-z_$][\w$]*)\s*,/g)].map((match) => match[1]),
  );
  for (const name of names)
    if (!EVENTS_BY_NAME.has(name))
      throw new Error(`${service} creates ${name}, which is not an event of the catalogue`);
  return unique(names);
}

export function serviceKafkaUse(service: ServiceName): ServiceKafkaUse {
  return {
    service,
    group: service,
    consumes: consumedTopics(service),
    publishes: unique(createdEvents(service).map((name) => EVENTS_BY_NAME.get(name)!.topic)),
    deadLetterTopic: deadLetterTopic(service),
  };
}

export function platformKafkaUse(): ServiceKafkaUse[] {
  return SERVICE_NAMES.map(serviceKafkaUse);
}

function unique(values: string[]): string[] {
  return [...new Set(values)].sort();
}
