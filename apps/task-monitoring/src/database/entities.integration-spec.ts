import { createTestDatabase, entitySchemaMismatches, tablesWithoutEntity, TestDatabase } from '@onestop/testing';
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

  it("cover every table of task-monitoring's own", async () => {
    await expect(tablesWithoutEntity(database.dataSource)).resolves.toEqual([]);
  });
});
