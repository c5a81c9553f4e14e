import { createTestDatabase, entitySchemaMismatches, tablesWithoutEntity, TestDatabase } from '@onestop/testing';
import { reportingSchema } from './schema';

describe('reporting entities', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('reporting-entities', reportingSchema);
  });

  afterAll(() => database.drop());

  it('say what the migrations built: every table, column, type and nullability', async () => {
    await expect(entitySchemaMismatches(database.dataSource)).resolves.toEqual([]);
  });

  it("cover every table of reporting's own", async () => {
    await expect(tablesWithoutEntity(database.dataSource)).resolves.toEqual([]);
  });
});
