/** The channel writers signal after committing events; one database per service keeps it private. */
export const OUTBOX_CHANNEL = 'messaging_outbox';
