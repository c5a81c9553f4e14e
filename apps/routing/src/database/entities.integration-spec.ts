import { createTestDatabase, entitySchemaMismatches, tablesWithoutEntity, TestDatabase } from '@onestop/testing';
import { routingSchema } from './schema';

describe('routing entities', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('routing-entities', routingSchema);
  });

  afterAll(() => database.drop());

  it('say what the migrations built: every table, column, type and nullability', async () => {
    await expect(entitySchemaMismatches(database.dataSource)).resolves.toEqual([]);
  });

  it("cover every table of routing's own", async () => {
    await expect(tablesWithoutEntity(database.dataSource)).resolves.toEqual([]);
  });
});
