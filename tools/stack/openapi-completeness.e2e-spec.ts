import { INestApplication } from '@nestjs/common';
import { METHOD_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { PROBLEM_CONTENT_TYPE, SERVICE_NAMES, ServiceName } from '@onestop/contracts';
import { PlatformEnv, PUBLIC_ROUTE } from '@onestop/platform';
import { ServiceUnderTest, startServiceWithDatabase } from '@onestop/testing';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HTTP_METHODS, JsonSchema } from './openapi/bad-inputs';
import { ROOT } from './run';
import { SERVICES } from './services';
import { compareOrWrite, typesOf } from '../web/api-clients';

interface DocumentedOperation {
  operationId: string;
  security?: Record<string, string[]>[];
  responses: Record<
    string,
    { content?: Record<string, { schema?: JsonSchema & { oneOf?: unknown[]; allOf?: unknown[] } }> }
  >;
}

interface ServedDocument {
  paths: Record<string, Partial<Record<(typeof HTTP_METHODS)[number], DocumentedOperation>>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** Whether each route handler answers without a token, as the AuthGuard reads it, by `Controller_method` (the operation ids). */
function publicHandlers(app: INestApplication): Map<string, boolean> {
  const handlers = new Map<string, boolean>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (typeof metatype !== 'function') continue;
      const controller = metatype as new (...args: never[]) => unknown;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        handlers.set(
          `${controller.name}_${name}`,
          Boolean(Reflect.getMetadata(PUBLIC_ROUTE, handler) ?? Reflect.getMetadata(PUBLIC_ROUTE, controller)),
        );
      }
    }
  }
  return handlers;
}

/** A schema that says what the body holds: a reference, a typed value, or a composition. */
function describesSomething(schema: (JsonSchema & { oneOf?: unknown[]; allOf?: unknown[] }) | undefined): boolean {
  if (!schema) return false;
  if (schema.$ref || schema.oneOf || schema.allOf) return true;
  if (schema.type === 'object') return Object.keys(schema.properties ?? {}).length > 0;
  if (schema.type === 'array') return describesSomething(schema.items);
  return schema.type !== undefined;
}

/** What is missing from one operation's documentation: its success body, its problem answers, its security. */
function gapsOf(operation: DocumentedOperation, isPublic: boolean): string[] {
  const gaps: string[] = [];
  const responses = Object.entries(operation.responses);
  const successes = responses.filter(([status]) => status.startsWith('2'));
  const described = successes.some(([status, response]) =>
    status === '204'
      ? !response.content
      : Object.values(response.content ?? {}).some((media) => describesSomething(media.schema)),
  );
  if (!described) gaps.push('no success response with a schema');
  const errors = responses.filter(([status]) => status.startsWith('4'));
  if (errors.length === 0) gaps.push('no error responses');
  for (const [status, response] of errors) {
    const types = Object.keys(response.content ?? {});
    if (types.length !== 1 || response.content?.[PROBLEM_CONTENT_TYPE]?.schema?.$ref !== '#/components/schemas/Problem')
      gaps.push(`${status} is not problem+json Problem`);
  }
  const bearer = (operation.security ?? []).some((requirement) => 'bearer' in requirement);
  if (isPublic && (operation.security === undefined || operation.security.length > 0))
    gaps.push('public, but not documented without a token');
  if (!isPublic && !bearer) gaps.push('needs a token, but does not declare bearer');
  if (!isPublic && !responses.some(([status]) => status === '401')) gaps.push('needs a token, but declares no 401');
  return gaps;
}

/**
 * The six services' OpenAPI documents as they serve them: every operation declares its success
 * body, its errors as problem+json `Problem`, and a bearer token exactly when its route needs one.
 */
describe("every service's OpenAPI document", () => {
  const running = new Map<ServiceName, ServiceUnderTest<PlatformEnv>>();

  beforeAll(async () => {
    for (const service of SERVICE_NAMES)
      running.set(service, await startServiceWithDatabase(SERVICES[service].definition, SERVICES[service].schema));
  }, 180_000);

  afterAll(async () => {
    await Promise.all([...running.values()].map((service) => service.close()));
  }, 60_000);

  it('documents every operation completely', async () => {
    const gaps: string[] = [];
    let operations = 0;
    let withoutSuccessSchema = 0;
    for (const [service, { url, app }] of running) {
      const document = (await (await fetch(`${url}/docs-json`)).json()) as ServedDocument;
      const handlers = publicHandlers(app);
      if (!document.components?.schemas?.['Problem']) gaps.push(`${service}: no Problem schema`);
      for (const [path, item] of Object.entries(document.paths)) {
        for (const method of HTTP_METHODS) {
          const operation = item[method];
          if (!operation) continue;
          operations += 1;
          const isPublic = handlers.get(operation.operationId);
          if (isPublic === undefined) {
            gaps.push(`${service} ${method.toUpperCase()} ${path}: no handler ${operation.operationId}`);
            continue;
          }
          const found = gapsOf(operation, isPublic);
          if (found.includes('no success response with a schema')) withoutSuccessSchema += 1;
          gaps.push(...found.map((gap) => `${service} ${method.toUpperCase()} ${path}: ${gap}`));
        }
      }
    }

    mkdirSync(join(ROOT, 'reports'), { recursive: true });
    writeFileSync(
      join(ROOT, 'reports', 'openapi-completeness.json'),
      JSON.stringify({ operations, withoutSuccessSchema, gaps }, null, 2),
    );
    expect(operations).toBeGreaterThanOrEqual(60);
    expect(gaps).toEqual([]);
  }, 300_000);

  /**
   * The web application's API types are generated from these same documents and committed; a
   * change of any service's API that is not regenerated (`npm run web:api`) fails here, so the
   * browser's client can never drift from what the services serve.
   */
  it("keeps the web application's generated API clients equal to the documents", async () => {
    const update = process.env['UPDATE_API_CLIENTS'] === '1';
    const drifted: string[] = [];
    for (const [service, { url }] of running) {
      const types = await typesOf((await (await fetch(`${url}/docs-json`)).json()) as object);
      if (compareOrWrite(service, types, update)) drifted.push(service);
    }
    expect(drifted).toEqual([]);
  }, 120_000);
});
