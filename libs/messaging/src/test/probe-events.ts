import { defineEvent, EventEnvelope, EventRegistry } from '@onestop/contracts';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { createEvent } from '../lib/event-factory';
import { EventHandler } from '../lib/inbox/event-handler';
import { OutboxWriter } from '../lib/outbox/outbox-writer';

/** A test event on a topic of the test's own, with an effect table the test can count. */
export function probeFixture(label: string, topic = `test.${label}.${randomBytes(4).toString('hex')}`) {
  const ProbeRecorded = defineEvent({
    type: 'ProbeRecorded',
    version: 1,
    topic,
    payload: z.object({ sequence: z.number().int().nonnegative() }),
  });
  const registry = new EventRegistry([ProbeRecorded]);
  const writer = new OutboxWriter(registry);

  const probe = (subject: string, sequence: number): EventEnvelope =>
    createEvent(
      ProbeRecorded,
      subject,
      { sequence },
      {
        source: 'intake',
        actor: { kind: 'system', id: 'test' },
        correlationId: `probe-${subject}-${sequence}`,
        causationId: null,
      },
      new Date(),
    );

  return { topic, ProbeRecorded, registry, writer, probe };
}

/** Deliberately without a unique constraint on event_id: a doubled effect must be countable. */
export async function createEffectsTable(dataSource: DataSource): Promise<void> {
  await dataSource.query(`CREATE TABLE probe_effects (
    id bigserial PRIMARY KEY, event_id uuid NOT NULL, subject text NOT NULL, sequence int NOT NULL)`);
}

export class RecordingHandler implements EventHandler {
  calls = 0;
  failSubjects = new Set<string>();

  async handle(event: EventEnvelope<'ProbeRecorded', { sequence: number }>, tx: EntityManager): Promise<void> {
    this.calls += 1;
    if (this.failSubjects.has(event.subject)) throw new Error(`cannot apply ${event.subject}`);
    await tx.query('INSERT INTO probe_effects (event_id, subject, sequence) VALUES ($1, $2, $3)', [
      event.id,
      event.subject,
      event.payload.sequence,
    ]);
  }
}
