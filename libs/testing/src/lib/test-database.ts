import { DatabaseSchema, dataSourceOptions, dropDatabase, ensureDatabase } from '@onestop/platform';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { postgresServerUrl } from './test-stack';

export interface TestDatabase {
  url: string;
  dataSource: DataSource;
  drop(): Promise<void>;
}

/** A fresh database with the schema's migrations applied, owned by one test file. */
export async function createTestDatabase(label: string, schema: DatabaseSchema): Promise<TestDatabase> {
  const name = `onestop_test_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const url = `${postgresServerUrl()}/${name}`;
  await ensureDatabase(url);
  const dataSource = new DataSource({ ...dataSourceOptions(url, schema), logging: ['error'] });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return {
    url,
    dataSource,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await dropDatabase(url);
    },
  };
}
