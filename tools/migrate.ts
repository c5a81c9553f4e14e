import 'reflect-metadata';
import { isServiceName, SERVICE_NAMES } from '@onestop/contracts';
import { migrateService } from './stack/migrations';
import { failAndExit } from './stack/cli';

/** `npm run migrate [-- <service>...]`: creates each service's database and applies its migrations. */
async function main(): Promise<void> {
  const requested = process.argv.slice(2);
  const unknown = requested.filter((name) => !isServiceName(name));
  if (unknown.length) throw new Error(`unknown service(s): ${unknown.join(', ')}; known: ${SERVICE_NAMES.join(', ')}`);
  for (const service of requested.length ? requested.filter(isServiceName) : SERVICE_NAMES) {
    const outcome = await migrateService(service);
    const applied = outcome.applied.length ? `applied ${outcome.applied.join(', ')}` : 'up to date';
    console.log(`migrate: ${service} (${outcome.database}${outcome.created ? ', created' : ''}): ${applied}`);
  }
}

main().catch(failAndExit('migrate'));
