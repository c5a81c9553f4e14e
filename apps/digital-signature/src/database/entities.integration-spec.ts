import { createTestDatabase, entitySchemaMismatches, tablesWithoutEntity, TestDatabase } from '@onestop/testing';
import { digitalSignatureSchema } from './schema';

describe('digital-signature entities', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('digital-signature-entities', digitalSignatureSchema);
  });

  afterAll(() => database.drop());

  it('say what the migrations built: every table, column, type and nullability', async () => {
    await expect(entitySchemaMismatches(database.dataSource)).resolves.toEqual([]);
  });

  it("cover every table of digital-signature's own", async () => {
    await expect(tablesWithoutEntity(database.dataSource)).resolves.toEqual([]);
  });
});
