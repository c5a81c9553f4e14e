import { ServiceName } from '@onestop/contracts';
import { dataSourceOptions, ensureDatabase, loadConfig, PlatformEnv, serviceDefaults } from '@onestop/platform';
import { DataSource } from 'typeorm';
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
  const created = await ensureDatabase(url);
  const dataSource = new DataSource({ ...dataSourceOptions(url, SERVICES[service].schema), logging: ['error'] });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return { service, database: new URL(url).pathname.slice(1), created, applied: applied.map((m) => m.name) };
  } finally {
    await dataSource.destroy();
  }
}
