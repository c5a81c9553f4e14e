import { createTestDatabase, entitySchemaMismatches, tablesWithoutEntity, TestDatabase } from '@onestop/testing';
import { intakeSchema } from './schema';

describe('intake entities', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('intake-entities', intakeSchema);
  });

  afterAll(() => database.drop());

  it('say what the migrations built: every table, column, type and nullability', async () => {
    await expect(entitySchemaMismatches(database.dataSource)).resolves.toEqual([]);
  });

  it("cover every table of intake's own", async () => {
    await expect(tablesWithoutEntity(database.dataSource)).resolves.toEqual([]);
  });
});
