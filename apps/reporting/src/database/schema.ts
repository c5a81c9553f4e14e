import { CreateMessagingTables1763800000000 } from '@onestop/messaging';
import { DatabaseSchema } from '@onestop/platform';

/** The reporting database: its entities and, in order, the migrations that build it. */
export const reportingSchema: DatabaseSchema = {
  entities: [],
  migrations: [CreateMessagingTables1763800000000],
};
