import { DataSource } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

interface DatabaseColumn {
  table_name: string;
  column_name: string;
  data_type: string;
  udt_name: string;
  is_nullable: 'YES' | 'NO';
}

/**
 * Where a service's TypeORM entities and the database its migrations built disagree: a table or a
 * column an entity names that is missing, a different type, a different nullability. One line per
 * difference; none means every row type can be trusted. Run it on a database the migrations made
 * (`createTestDatabase`), since `synchronize` never fixes a difference for us.
 */
export async function entitySchemaMismatches(dataSource: DataSource): Promise<string[]> {
  const rows: DatabaseColumn[] = await dataSource.query(
    `SELECT table_name, column_name, data_type, udt_name, is_nullable
       FROM information_schema.columns WHERE table_schema = current_schema()`,
  );
  const columnsOf = new Map<string, Map<string, DatabaseColumn>>();
  for (const row of rows) {
    if (!columnsOf.has(row.table_name)) columnsOf.set(row.table_name, new Map());
    columnsOf.get(row.table_name)!.set(row.column_name, row);
  }
  const mismatches: string[] = [];
  for (const entity of dataSource.entityMetadatas) {
    const table = columnsOf.get(entity.tableName);
    if (!table) {
      mismatches.push(`${entity.name}: table ${entity.tableName} does not exist`);
      continue;
    }
    for (const column of entity.columns) {
      const where = `${entity.name}.${column.propertyName} (${entity.tableName}.${column.databaseName})`;
      const actual = table.get(column.databaseName);
      if (!actual) {
        mismatches.push(`${where}: no such column`);
        continue;
      }
      const expectedType = declaredType(dataSource, column);
      const actualType = storedType(actual);
      if (expectedType !== actualType)
        mismatches.push(`${where}: entity says ${expectedType}, the database has ${actualType}`);
      const nullable = actual.is_nullable === 'YES';
      if (column.isNullable !== nullable) {
        mismatches.push(
          `${where}: entity says ${column.isNullable ? 'nullable' : 'not null'}, the database has ${nullable ? 'nullable' : 'not null'}`,
        );
      }
    }
  }
  return mismatches;
}

function declaredType(dataSource: DataSource, column: ColumnMetadata): string {
  const base = dataSource.driver.normalizeType(column).toLowerCase();
  if (column.type === 'enum' || column.type === 'simple-enum') return 'enum';
  return column.isArray ? `${base}[]` : base;
}

function storedType(column: DatabaseColumn): string {
  if (column.data_type === 'USER-DEFINED') return 'enum';
  if (column.data_type === 'ARRAY') return `${ARRAY_ELEMENT_TYPES[column.udt_name] ?? column.udt_name.slice(1)}[]`;
  return column.data_type;
}

/** information_schema names an array's element type only by its internal name. */
const ARRAY_ELEMENT_TYPES: Record<string, string> = {
  _text: 'text',
  _varchar: 'character varying',
  _uuid: 'uuid',
  _int4: 'integer',
  _int8: 'bigint',
  _int2: 'smallint',
  _bool: 'boolean',
  _date: 'date',
  _timestamptz: 'timestamp with time zone',
  _jsonb: 'jsonb',
};

/** Tables the shared libraries build and read themselves (and the migrations' own record): no service maps them. */
const LIBRARY_TABLES = /^(schema_migrations|administrative_units|calendar_.+|messaging_.+)$/;

/**
 * The service's own tables that no entity maps: a table written by hand-typed rows that nothing
 * checks. Run it on a database the migrations made, like `entitySchemaMismatches`.
 */
export async function tablesWithoutEntity(dataSource: DataSource): Promise<string[]> {
  const tables: { name: string }[] = await dataSource.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
  );
  const mapped = new Set(dataSource.entityMetadatas.map((entity) => entity.tableName));
  return tables
    .map((table) => table.name)
    .filter((name) => !LIBRARY_TABLES.test(name) && !mapped.has(name))
    .sort();
}
