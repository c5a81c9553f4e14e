import { createTestDatabase, entitySchemaMismatches, TestDatabase } from '@onestop/testing';
import { taskMonitoringSchema } from './schema';

describe('task-monitoring entities', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('task-monitoring-entities', taskMonitoringSchema);
  });

  afterAll(() => database.drop());

  it('say what the migrations built: every table, column, type and nullability', async () => {
    await expect(entitySchemaMismatches(database.dataSource)).resolves.toEqual([]);
  });
});
