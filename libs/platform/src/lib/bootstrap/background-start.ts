/**
 * Work a service starts in the background after boot (Kafka consumers joining their groups, the
 * outbox relay), so HTTP and health answer at once. Whoever must wait for it (tests, a
 * simulation) asks for this token rather than for the module that does the work.
 */
export abstract class BackgroundStart {
  abstract whenStarted(): Promise<void>;
}
