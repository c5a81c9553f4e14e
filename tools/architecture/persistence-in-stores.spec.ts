import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '../..');
const SERVICES = ['intake', 'routing', 'digital-signature', 'notification', 'reporting', 'task-monitoring'];

/** A service's production sources: tests, test fixtures and migrations left out. */
function productionSources(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return ['test', 'migrations'].includes(name) ? [] : productionSources(path);
    return /(?<!\.spec|\.integration-spec|\.e2e-spec)\.ts$/.test(name) ? [path] : [];
  });
}

/** SQL, a query builder or a repository: what only a store may hold. */
const PERSISTENCE = /\.query\(|createQueryBuilder\(|getRepository\(|@InjectRepository\(/;

/**
 * Where a newcomer looks for an endpoint's or an event's data is the feature's store: controllers,
 * event handlers and services reach the database only through one.
 */
describe('persistence of the services', () => {
  it.each(SERVICES)('%s: SQL, query builders and repositories live in *.store.ts files only', (service) => {
    const offenders = productionSources(join(ROOT, 'apps', service, 'src'))
      .filter((file) => !file.endsWith('.store.ts'))
      .filter((file) => PERSISTENCE.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file));
    expect(offenders).toEqual([]);
  });
});
