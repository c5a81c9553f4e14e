import { gzipSync } from 'node:zlib';

/** The parts of an OpenAPI 3 document the walk reads. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface OpenApiOperation {
  operationId?: string;
  parameters?: { name: string; in: 'path' | 'query' | 'header'; schema?: JsonSchema }[];
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
}

export interface JsonSchema {
  $ref?: string;
  type?: string;
  format?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  example?: unknown;
}

export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** One request the walk sends: what is bad about it, and its parts. */
export interface BadInputCase {
  what: string;
  path: string;
  query?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** Path segments that have broken services: NUL, traversal, bad escapes, the very long. */
const BAD_SEGMENTS = [
  '%00',
  'a%00b',
  '..%2F..%2Fetc%2Fpasswd',
  '%E0%A4%A',
  '%ZZ',
  'x'.repeat(5_000),
  '-1',
  '0000-01-01',
  encodeURIComponent("1' OR '1'='1"),
  '%F0%9F%92%A9',
];

/** Query values: wrong types, NUL, impossible dates and offsets, periods, cursors and huge strings. */
const BAD_QUERY_VALUES = [
  '%00',
  'a%00',
  'abc',
  '-1',
  '1e309',
  '99999999999999999999999',
  '2026-02-30',
  '2026-13-45',
  '0000-01-01',
  '9999-12-31',
  '2026-01-01T25:61:00%2B99:99',
  '%2B99:99',
  '0000',
  '9999',
  '2026-Q9',
  '2026-00',
  encodeURIComponent(Buffer.from(JSON.stringify({ at: '+275760-09-13T00:00:01Z', id: 'x' })).toString('base64url')),
  encodeURIComponent(Buffer.from('{"at":"2026-02-30","id":1}').toString('base64url')),
  ...['-271821-04-20T00:00:00.000Z', '+275760-09-13T00:00:00.000Z', '0000-01-01T00:00:00.000Z'].map((at) =>
    Buffer.from(JSON.stringify([at, '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'])).toString('base64url'),
  ),
  encodeURIComponent(Buffer.from([0xff, 0xfe, 0x00]).toString('base64url')),
  'x'.repeat(10_000),
];

const JSON_HEADERS = { 'content-type': 'application/json' };

function deeplyNested(levels: number): string {
  return '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
}

function resolve(schema: JsonSchema | undefined, document: OpenApiDocument): JsonSchema | undefined {
  if (!schema?.$ref) return schema;
  return document.components?.schemas?.[schema.$ref.split('/').at(-1)!];
}

/** A value of the schema's shape, so that one field at a time can be made bad. */
function sampleOf(schema: JsonSchema | undefined, document: OpenApiDocument, depth = 0): unknown {
  const resolved = resolve(schema, document);
  if (!resolved || depth > 6) return 'x';
  // The document's own example is usually valid, so a bad value beside it reaches past validation into the handler.
  if (resolved.example !== undefined) return structuredClone(resolved.example);
  if (resolved.enum?.length) return resolved.enum[0];
  switch (resolved.type) {
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return [sampleOf(resolved.items, document, depth + 1)];
    case 'object':
    case undefined:
      if (!resolved.properties) return resolved.type === 'object' ? {} : 'x';
      return Object.fromEntries(
        Object.entries(resolved.properties).map(([name, property]) => [name, sampleOf(property, document, depth + 1)]),
      );
    default:
      return resolved.format === 'date'
        ? '2026-11-30'
        : resolved.format === 'date-time'
          ? '2026-11-30T08:00:00+07:00'
          : 'x';
  }
}

/** Each property path of a sample and its value, depth first. */
function leaves(value: unknown, path: string[] = []): { path: string[]; value: unknown }[] {
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => leaves(child, [...path, key]));
  }
  return path.length ? [{ path, value }] : [];
}

/** The paths of a sample's objects and arrays below its root (an array's element included). */
function branches(value: unknown, path: string[] = []): string[][] {
  if (!value || typeof value !== 'object') return [];
  const children = Object.entries(value).flatMap(([key, child]) => branches(child, [...path, key]));
  return path.length ? [path, ...children] : children;
}

function withLeaf(sample: unknown, path: string[], replacement: unknown): unknown {
  const copy = structuredClone(sample) as Record<string, unknown>;
  let cursor: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) cursor = cursor[key] as Record<string, unknown>;
  cursor[path.at(-1)!] = replacement;
  return copy;
}

/** Wrong values for one field of a body: NUL, wrong types, impossible dates, huge strings. */
function badFieldValues(value: unknown): unknown[] {
  const wrong: unknown[] = [
    'bad\u0000value',
    'x'.repeat(20_000),
    { nested: true },
    ['list'],
    null,
    -1,
    1.7976931348623157e308,
    12.5,
  ];
  if (typeof value === 'string') wrong.push(12345, true, '2026-02-30', '0000-01-01T00:00:00+99:99', '9999-99-99');
  return wrong;
}

/** The bad requests for one operation (`path` with `{name}` parameters as the document writes it). */
export function badInputCases(
  document: OpenApiDocument,
  path: string,
  method: HttpMethod,
  operation: OpenApiOperation,
): BadInputCase[] {
  const parameters = operation.parameters ?? [];
  const pathParameters = parameters.filter((parameter) => parameter.in === 'path');
  const queryParameters = parameters.filter((parameter) => parameter.in === 'query');
  const fill = (bad?: { name: string; value: string }) =>
    path.replace(/\{([^}]+)\}/g, (_whole, name: string) => (bad?.name === name ? bad.value : plausiblePathValue(name)));
  const cases: BadInputCase[] = [];

  for (const parameter of pathParameters) {
    for (const value of BAD_SEGMENTS)
      cases.push({ what: `path ${parameter.name}=${value.slice(0, 30)}`, path: fill({ name: parameter.name, value }) });
  }
  const plainPath = fill();
  cases.push({ what: 'path with a NUL segment appended', path: `${plainPath}/%00` });
  for (const parameter of queryParameters) {
    for (const value of BAD_QUERY_VALUES)
      cases.push({
        what: `query ${parameter.name}=${value.slice(0, 30)}`,
        path: plainPath,
        query: `${parameter.name}=${value}`,
      });
    cases.push({
      what: `query ${parameter.name} as a list`,
      path: plainPath,
      query: `${parameter.name}=a&${parameter.name}=b`,
    });
    cases.push({ what: `query ${parameter.name} as an object`, path: plainPath, query: `${parameter.name}[a][b]=1` });
  }
  cases.push({ what: 'unknown query with NUL', path: plainPath, query: 'q%00=1&x=%00' });

  if (method === 'get' || method === 'delete') return cases;
  const jsonSchema = operation.requestBody?.content['application/json']?.schema;
  const send = (what: string, body: string | Buffer, headers: Record<string, string> = JSON_HEADERS) =>
    cases.push({ what, path: plainPath, headers, body });
  send('body not JSON', '{"a": ');
  send('body a JSON array', '[1,2,3]');
  send('body a JSON string', '"text"');
  send('body null', 'null');
  send('body nested 10,000 levels', deeplyNested(10_000));
  send('body nested 100 levels', deeplyNested(100));
  send('body of 200 kB', JSON.stringify({ filler: 'x'.repeat(200_000) }));
  send('body gzip-encoded but not gzip', '{"a":1}', { ...JSON_HEADERS, 'content-encoding': 'gzip' });
  send('body really gzip-encoded', gzipSync('{"a":1}'), { ...JSON_HEADERS, 'content-encoding': 'gzip' });
  send('body with an unknown encoding', '{"a":1}', { ...JSON_HEADERS, 'content-encoding': 'br, x-unknown' });
  send('body as text/plain', 'hello', { 'content-type': 'text/plain' });
  send('body as XML', '<a>1</a>', { 'content-type': 'application/xml' });
  send('body JSON in a wrong charset', '{"a":1}', { 'content-type': 'application/json; charset=utf-7' });
  send('body with a NUL key', '{"\\u0000":1}');
  if (jsonSchema) {
    const sample = sampleOf(jsonSchema, document);
    for (const leaf of leaves(sample)) {
      for (const value of badFieldValues(leaf.value)) {
        send(
          `body ${leaf.path.join('.')}=${JSON.stringify(value)?.slice(0, 30)}`,
          JSON.stringify(withLeaf(sample, leaf.path, value)),
        );
      }
    }
    for (const branch of branches(sample)) {
      for (const value of [null, 'x', 1])
        send(`body ${branch.join('.')}=${JSON.stringify(value)}`, JSON.stringify(withLeaf(sample, branch, value)));
    }
  }
  return cases;
}

/** A well-formed value for a path parameter, so only the bad one is bad. */
function plausiblePathValue(name: string): string {
  if (/year/i.test(name)) return '2026';
  if (/unit|commune/i.test(name)) return '19753';
  if (/code/i.test(name)) return '19753-261130-0001';
  if (/provider/i.test(name)) return 'sms-a';
  if (/kind|channel|locale|subject/i.test(name)) return 'x';
  return '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
}
