import { CreateMessagingTables1763800000000 } from '@onestop/messaging';
import { DatabaseSchema } from '@onestop/platform';

/** The intake database: its entities and, in order, the migrations that build it. */
export const intakeSchema: DatabaseSchema = {
  entities: [],
  migrations: [CreateMessagingTables1763800000000],
};
