import { DatabaseSchema, dataSourceOptions, ensureDatabase } from '@onestop/platform';
import { DataSource } from 'typeorm';

export interface SchemaMigrationOutcome {
  database: string;
  created: boolean;
  applied: string[];
}

async function withDataSource<T>(
  url: string,
  schema: DatabaseSchema,
  work: (dataSource: DataSource) => Promise<T>,
): Promise<T> {
  const dataSource = new DataSource({ ...dataSourceOptions(url, schema), logging: ['error'] });
  await dataSource.initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Creates the database named in `url` if needed and applies the schema's pending migrations.
 * Knows nothing of the other services, so a service's image carries only its own migrations.
 */
export async function migrateDatabase(url: string, schema: DatabaseSchema): Promise<SchemaMigrationOutcome> {
  const created = await ensureDatabase(url);
  const applied = await withDataSource(url, schema, (dataSource) => dataSource.runMigrations({ transaction: 'each' }));
  return { database: new URL(url).pathname.slice(1), created, applied: applied.map((migration) => migration.name) };
}

/** True while some of the schema's migrations are not yet applied to the database. */
export function hasPendingMigrations(url: string, schema: DatabaseSchema): Promise<boolean> {
  return withDataSource(url, schema, (dataSource) => dataSource.showMigrations());
}
