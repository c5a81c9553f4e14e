import { Injectable } from '@nestjs/common';
import { EventEnvelope } from '@onestop/contracts';
import { OutboxWriter } from '@onestop/messaging';
import { EntityManager } from 'typeorm';
import { ClockRecord } from './clock-record';
import { Alarm, Triggers } from './deadline-clock';
import { alarmEvent } from './deadline-events';
import { EscalationEntry, EscalationStore } from './escalation.store';

export interface DueAlarms {
  record: ClockRecord;
  triggers: Triggers;
  alarms: Alarm[];
}

/**
 * Announces alarms inside the caller's transaction, the one that also marks them fired: their
 * events go to the outbox, escalations onto the leaders' work queues. The scan fires what time
 * made due; a dossier event fires what fell due before it happened, before it changes the clock.
 */
@Injectable()
export class AlarmFirer {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly escalations: EscalationStore,
  ) {}

  async fire(tx: EntityManager, due: readonly DueAlarms[]): Promise<number> {
    const events: EventEnvelope[] = [];
    const escalations: EscalationEntry[] = [];
    for (const { record, triggers, alarms } of due) {
      for (const alarm of alarms) {
        events.push(alarmEvent(record, triggers, alarm));
        if (alarm === 'unit-leader' || alarm === 'province')
          escalations.push({ record, level: alarm, dueAt: triggers.dueAt, escalatedAt: triggers.escalateAt[alarm] });
      }
    }
    await this.outbox.append(tx, events);
    await this.escalations.record(tx, escalations);
    return events.length;
  }
}
