import { createTestDatabase, entitySchemaMismatches, TestDatabase } from '@onestop/testing';
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
});
