import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * `column AS "property", ...` for every column of an entity, from its TypeORM metadata. The tuned
 * raw statements of the stores select through it, so their rows have exactly the entity's shape,
 * which the entities spec checks against the database.
 */
export function selectListOf(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>): string {
  return dataSource
    .getMetadata(entity)
    .columns.map((column) =>
      column.databaseName === column.propertyName
        ? column.databaseName
        : `${column.databaseName} AS "${column.propertyName}"`,
    )
    .join(', ');
}
