/** The channel writers signal after committing events; one database per service keeps it private. */
export const OUTBOX_CHANNEL = 'messaging_outbox';

/**
 * DDL for the outbox and inbox, shared by every service's first messaging migration.
 * The outbox keeps the serialized envelope as `json` (stored as text) because the relay sends it
 * as it is; the Kafka headers it needs are columns so the relay never parses the JSON.
 * `position` orders the relay and is never reused.
 */
export const CREATE_MESSAGING_TABLES = [
  `CREATE TABLE messaging_outbox (
     position bigserial PRIMARY KEY,
     event_id uuid NOT NULL UNIQUE,
     topic text NOT NULL,
     message_key text NOT NULL,
     event_type text NOT NULL,
     correlation_id text NOT NULL,
     envelope json NOT NULL,
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE messaging_inbox (
     consumer_group text NOT NULL,
     event_id uuid NOT NULL,
     topic text NOT NULL,
     partition integer NOT NULL,
     "offset" bigint NOT NULL,
     processed_at timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (consumer_group, event_id)
   )`,
  `CREATE INDEX messaging_inbox_processed_at ON messaging_inbox (processed_at)`,
];

export const DROP_MESSAGING_TABLES = [
  'DROP TABLE messaging_inbox',
  'DROP TABLE messaging_outbox',
];
