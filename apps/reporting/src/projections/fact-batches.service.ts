import { Injectable, Logger } from '@nestjs/common';
import { EventEnvelope } from '@onestop/contracts';
import { BatchParticipant, TakesPartInBatches } from '@onestop/messaging';
import { EntityManager } from 'typeorm';
import { CounterIncrements } from '../read-model/counters';
import { DossierFactEntity } from '../read-model/dossier-fact.entity';
import { CounterBook, counterRowAt, CounterRow } from './counter-book';
import { CountersStore } from './counters.store';
import { Projected } from './dossier-fact';
import { DossierFactStore } from './dossier-fact.store';
import { changeStocks } from './open-stock';

/** A fact as the batch found it (null: not in the read model yet) and as the batch's events leave it. */
interface TrackedFact {
  before: DossierFactEntity | null;
  now: DossierFactEntity;
}

/** What one batch of events has read and changed, written back when the batch ends. */
class FactBatch {
  readonly facts = new Map<string, TrackedFact>();
  /** Dossiers looked up already, found or not. */
  readonly looked = new Set<string>();
  readonly counters = new CounterBook();
}

/**
 * Dossier facts and their counters, in the transaction that records the batch's events in the
 * inbox. A batch reads the facts its events touch in one query, applies the events in memory in
 * offset order, and writes the changed facts and the summed counters in one statement each.
 */
@Injectable()
@TakesPartInBatches()
export class FactBatches implements BatchParticipant {
  private readonly logger = new Logger(FactBatches.name);
  private readonly batches = new WeakMap<EntityManager, FactBatch>();

  constructor(
    private readonly facts: DossierFactStore,
    private readonly counters: CountersStore,
  ) {}

  async beforeBatch(events: readonly EventEnvelope[], tx: EntityManager): Promise<void> {
    const batch = new FactBatch();
    this.batches.set(tx, batch);
    await this.load(
      tx,
      batch,
      events.map(dossierIdOf).filter((id): id is string => id !== null),
    );
  }

  async afterBatch(tx: EntityManager): Promise<void> {
    const batch = this.batches.get(tx);
    this.batches.delete(tx);
    if (!batch) return;
    const changed = [...batch.facts.values()].filter(({ before, now }) => before !== now);
    for (const { before, now } of changed) changeStocks(batch.counters, before, now);
    if (changed.length > 0)
      await this.facts.saveFacts(
        tx,
        changed.map(({ now }) => now),
      );
    await this.counters.add(tx, batch.counters);
  }

  /**
   * Starts a dossier's fact and counts its start for the desk, on the day it happened. A start seen
   * again (the receipt of a dossier already known) is not counted again.
   */
  async start(tx: EntityManager, fact: DossierFactEntity, counters: CounterIncrements): Promise<void> {
    const batch = await this.batchWith(tx, fact.dossierId);
    if (batch.facts.has(fact.dossierId)) {
      this.logger.warn(`dossier ${fact.dossierId} already has a fact: its start is not counted again`);
      return;
    }
    batch.facts.set(fact.dossierId, { before: null, now: fact });
    batch.counters.add(counterRowAt(fact, fact.receivingUnitCode, fact.lastEventAt), counters);
  }

  /**
   * Applies one event to an existing fact and adds what it counts, on the event's day. A dossier
   * received before this service listened has no fact: its later events are skipped, since the
   * counters need its procedure and unit.
   */
  async project(
    tx: EntityManager,
    dossierId: string,
    event: EventEnvelope,
    projector: (fact: DossierFactEntity) => Projected | Promise<Projected>,
  ): Promise<void> {
    const tracked = (await this.batchWith(tx, dossierId)).facts.get(dossierId);
    if (!tracked) {
      this.logger.log(`${event.type} ${event.id} skipped: dossier ${dossierId} was received before reporting saw it`);
      return;
    }
    const { fact, counters, creditedTo } = await projector(tracked.now);
    tracked.now = fact;
    this.batches
      .get(tx)!
      .counters.add(counterRowAt(fact, creditedTo ?? fact.unitCode, new Date(event.occurredAt)), counters);
  }

  /**
   * Adds what an event counts on its own, with the batch's other counters: for an event that names
   * the unit, procedure and day it counts for itself (a rating), whether or not its dossier has a fact.
   */
  count(tx: EntityManager, row: CounterRow, counters: CounterIncrements): void {
    const batch = this.batches.get(tx);
    if (!batch) throw new Error('counters are added only inside a batch of events (beforeBatch was not called)');
    batch.counters.add(row, counters);
  }

  /** The transaction's batch, with the dossier looked up if the batch's first read did not cover it. */
  private async batchWith(tx: EntityManager, dossierId: string): Promise<FactBatch> {
    const batch = this.batches.get(tx);
    if (!batch) throw new Error('dossier facts are changed only inside a batch of events (beforeBatch was not called)');
    if (!batch.looked.has(dossierId)) await this.load(tx, batch, [dossierId]);
    return batch;
  }

  private async load(tx: EntityManager, batch: FactBatch, dossierIds: string[]): Promise<void> {
    const unseen = [...new Set(dossierIds)].filter((id) => !batch.looked.has(id));
    if (unseen.length === 0) return;
    const rows = await this.facts.lockFacts(tx, unseen);
    for (const id of unseen) batch.looked.add(id);
    for (const fact of rows) batch.facts.set(fact.dossierId, { before: fact, now: fact });
  }
}

/** The dossier an event is about, for the events that name one. */
function dossierIdOf(event: EventEnvelope): string | null {
  const id = (event.payload as { dossierId?: unknown } | null)?.dossierId;
  return typeof id === 'string' ? id : null;
}
