import { ServiceName } from '@onestop/contracts';
import { loadConfig, PlatformEnv, serviceDefaults } from '@onestop/platform';
import { migrateDatabase } from './schema-migrations';
import { SERVICES } from './services';

export interface MigrationOutcome {
  service: ServiceName;
  database: string;
  created: boolean;
  applied: string[];
}

/** The database URL a service uses with the current environment (the same rules as at boot). */
export function databaseUrlOf(service: ServiceName, env: NodeJS.ProcessEnv = process.env): string {
  const override = env[`${service.toUpperCase().replace(/-/g, '_')}_DATABASE_URL`];
  if (override) return override;
  return loadConfig(PlatformEnv, { ...env, DATABASE_URL: undefined }, serviceDefaults(service)).DATABASE_URL;
}

/** Creates the service's database if needed and applies its pending migrations. */
export async function migrateService(service: ServiceName, url = databaseUrlOf(service)): Promise<MigrationOutcome> {
  return { service, ...(await migrateDatabase(url, SERVICES[service].schema)) };
}
