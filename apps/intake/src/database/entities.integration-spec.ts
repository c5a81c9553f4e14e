import { createTestDatabase, entitySchemaMismatches, TestDatabase } from '@onestop/testing';
import { intakeSchema } from './schema';

/** The migrations' own record, and the tables the shared libraries build, whose rows those libraries read and write. */
const LIBRARY_TABLES = /^(schema_migrations|administrative_units|calendar_.+|messaging_.+)$/;

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
    const tables: { name: string }[] = await database.dataSource.query(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
    );
    const own = tables.map((table) => table.name).filter((name) => !LIBRARY_TABLES.test(name));
    const mapped = database.dataSource.entityMetadatas.map((entity) => entity.tableName);
    expect(own.sort()).toEqual(mapped.sort());
  });
});
