import 'reflect-metadata';
import { ServiceName } from '@onestop/contracts';
import { DatabaseSchema } from '@onestop/platform';
import { parseArgs } from 'node:util';
import { failAndExit, UsageError } from '../../stack/cli';
import { hasPendingMigrations, migrateDatabase, SchemaMigrationOutcome } from '../../stack/schema-migrations';

const USAGE =
  'usage: node migrate.js [--wait] [--timeout-seconds N]   (the database is DATABASE_URL, as for the service)';
const POLL_MS = 2_000;

/**
 * Tries `attempt` every POLL_MS until it says it is done or `timeoutSeconds` have passed; false
 * when time ran out. The migration Job and the pods' wait share this, each with its own attempt.
 */
async function retryFor(timeoutSeconds: number, attempt: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + timeoutSeconds * 1000;
  for (;;) {
    if (await attempt()) return true;
    if (Date.now() + POLL_MS > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function waitUntilMigrated(
  service: ServiceName,
  url: string,
  schema: DatabaseSchema,
  timeoutSeconds: number,
): Promise<void> {
  let reason = 'migrations pending';
  const migrated = await retryFor(timeoutSeconds, async () => {
    // An unreachable or not yet created database counts as not migrated: the migration Job may still be starting.
    const pending = await hasPendingMigrations(url, schema).catch((error: Error) => {
      reason = error.message;
      return true;
    });
    return !pending;
  });
  if (!migrated)
    throw new Error(`${service} was not migrated within ${timeoutSeconds} s (${reason}); see the migration Job's log`);
  console.log(`migrate: ${service} is migrated`);
}

/** Node's network errors, and PostgreSQL's for a server, role or database that is not there yet. */
const NOT_YET_REACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNRESET',
  '57P03',
  '3D000',
  '28000',
  '28P01',
]);

function notYetReachable(error: unknown): boolean {
  const code = String((error as { code?: unknown })?.code ?? '');
  return NOT_YET_REACHABLE.has(code) || code.startsWith('08');
}

/**
 * Applies the migrations, waiting for a database that is not reachable yet: on a first install
 * the Job can start before the database cluster, its role or its database exists. A failing
 * migration is not retried: it is a fault to read in the log, not a matter of time.
 */
async function migrateWhenReachable(
  service: ServiceName,
  url: string,
  schema: DatabaseSchema,
  timeoutSeconds: number,
): Promise<SchemaMigrationOutcome> {
  let outcome: SchemaMigrationOutcome | undefined;
  let unreachable: unknown;
  const done = await retryFor(timeoutSeconds, async () => {
    try {
      outcome = await migrateDatabase(url, schema);
      return true;
    } catch (error) {
      if (!notYetReachable(error)) throw error;
      unreachable = error;
      console.log(`migrate: ${service}: the database is not reachable yet (${(error as Error).message}); trying again`);
      return false;
    }
  });
  if (!done) throw unreachable;
  return outcome!;
}

/**
 * The migration command of a service's image (`node migrate.js`): applies the service's
 * migrations to DATABASE_URL, waiting up to `--timeout-seconds` for the database to be reachable;
 * with `--wait`, waits until another run (the migration Job) has applied them, so a new version's
 * pods never start on an old schema.
 */
export function runMigrationCommand(service: ServiceName, schema: DatabaseSchema): void {
  const main = async () => {
    const { values } = parseArgs({
      options: { wait: { type: 'boolean', default: false }, 'timeout-seconds': { type: 'string', default: '900' } },
    });
    const url = process.env['DATABASE_URL'];
    if (!url) throw new UsageError(`DATABASE_URL is required\n${USAGE}`);
    const timeoutSeconds = Number(values['timeout-seconds']);
    if (!Number.isInteger(timeoutSeconds) || timeoutSeconds < 1)
      throw new UsageError(`--timeout-seconds must be a whole number of seconds\n${USAGE}`);
    if (values.wait) return waitUntilMigrated(service, url, schema, timeoutSeconds);
    const outcome = await migrateWhenReachable(service, url, schema, timeoutSeconds);
    const applied = outcome.applied.length ? `applied ${outcome.applied.join(', ')}` : 'up to date';
    console.log(`migrate: ${service} (${outcome.database}${outcome.created ? ', created' : ''}): ${applied}`);
  };
  main().then(() => process.exit(0), failAndExit('migrate'));
}
