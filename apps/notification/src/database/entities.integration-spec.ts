import { createTestDatabase, entitySchemaMismatches, tablesWithoutEntity, TestDatabase } from '@onestop/testing';
import { notificationSchema } from './schema';

describe('notification entities', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('notification-entities', notificationSchema);
  });

  afterAll(() => database.drop());

  it('say what the migrations built: every table, column, type and nullability', async () => {
    await expect(entitySchemaMismatches(database.dataSource)).resolves.toEqual([]);
  });

  it("cover every table of notification's own", async () => {
    // Templates a province wrote before templates were per province, kept by that migration for
    // the province to look at: the service itself never reads them.
    await expect(tablesWithoutEntity(database.dataSource)).resolves.toEqual(['templates_unattributed']);
  });
});
