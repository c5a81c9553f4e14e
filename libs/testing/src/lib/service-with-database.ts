import { BackgroundStart, Clock, DatabaseSchema, PlatformEnv, ServiceDefinition } from '@onestop/platform';
import { randomBytes } from 'node:crypto';
import { createTestDatabase, TestDatabase } from './test-database';
import { RunningService, startTestService } from './test-service';

export interface ServiceUnderTest<E extends PlatformEnv> extends RunningService<E> {
  database: TestDatabase;
}

/**
 * A service as a test needs it: its own fresh database, its own consumer group (tests share one
 * broker, and another test's group must not take its partitions), consumers running. `close`
 * stops the service and drops the database.
 */
export async function startServiceWithDatabase<E extends PlatformEnv>(
  definition: ServiceDefinition<E>,
  schema: DatabaseSchema,
  env: Record<string, string> = {},
  options: { clock?: Clock } = {},
): Promise<ServiceUnderTest<E>> {
  const database = await createTestDatabase(definition.service, schema);
  try {
    const groupId = `${definition.service}-test-${randomBytes(4).toString('hex')}`;
    const running = await startTestService(
      definition,
      { DATABASE_URL: database.url, KAFKA_GROUP_ID: groupId, ...env },
      options,
    );
    await running.app.get(BackgroundStart, { strict: false }).whenStarted();
    return {
      ...running,
      database,
      async close() {
        await running.close();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}
