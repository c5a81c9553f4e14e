import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bin, ROOT } from '../stack/run';

/** Where the web application keeps each service's generated API types (one file per service). */
export const GENERATED_CLIENTS = join(ROOT, 'apps', 'web', 'src', 'api', 'generated');

/** The TypeScript types openapi-typescript makes of one service's served OpenAPI document. */
export async function typesOf(document: object): Promise<string> {
  // Its command line, not its module: the module loads an ES-only dependency that jest cannot require.
  const folder = mkdtempSync(join(tmpdir(), 'onestop-openapi-'));
  try {
    writeFileSync(join(folder, 'openapi.json'), JSON.stringify(document));
    await promisify(execFile)(
      bin('openapi-typescript'),
      ['openapi.json', '--output', 'types.ts', '--alphabetize', '--export-type'],
      { cwd: folder },
    );
    return readFileSync(join(folder, 'types.ts'), 'utf8');
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Compares the committed types of a service with those of its current document, or writes them
 * when `update` (UPDATE_API_CLIENTS=1, as `npm run web:api` sets it). Returns whether they differ.
 */
export function compareOrWrite(service: string, types: string, update: boolean): boolean {
  const file = join(GENERATED_CLIENTS, `${service}.ts`);
  const committed = existsSync(file) ? readFileSync(file, 'utf8') : null;
  if (committed === types) return false;
  if (update) {
    mkdirSync(GENERATED_CLIENTS, { recursive: true });
    writeFileSync(file, types);
    return false;
  }
  return true;
}
