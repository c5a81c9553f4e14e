import { DOSSIER_STATUS, DossierStatusCode, RESULT_CHANNELS } from '@onestop/contracts';
import { CounterIncrements } from '../read-model/counters';
import { DossierFactEntity } from '../read-model/dossier-fact.entity';
import { fieldCodeOf } from '../read-model/procedure-fields';

/** What a dossier's fact starts from, received or refused at the desk. */
export type FactStart = Pick<
  DossierFactEntity,
  | 'dossierId'
  | 'code'
  | 'provinceCode'
  | 'receivingUnitCode'
  | 'unitCode'
  | 'procedureCode'
  | 'channel'
  | 'receivedAt'
  | 'dueAt'
  | 'status'
> & {
  refusedAt?: Date;
  /** The event time of the start. */
  at: Date;
};

/**
 * The fact of a dossier that has just entered the log: nothing has happened to it yet. Its
 * properties are spelt out in the order of a fact read from the table, so that every fact has
 * the same shape (a replay handles millions).
 */
export function openingFact(start: FactStart): DossierFactEntity {
  return {
    dossierId: start.dossierId,
    code: start.code,
    provinceCode: start.provinceCode,
    receivingUnitCode: start.receivingUnitCode,
    unitCode: start.unitCode,
    procedureCode: start.procedureCode,
    fieldCode: fieldCodeOf(start.procedureCode),
    channel: start.channel,
    receivedAt: start.receivedAt,
    dueAt: start.dueAt,
    status: start.status,
    refusedAt: start.refusedAt ?? null,
    finishedAt: null,
    returnedAt: null,
    onTime: null,
    processingMinutes: null,
    supplementCount: 0,
    apologyCount: 0,
    overdueFlagged: false,
    electronicResult: false,
    signedResult: false,
    undeliverableNotices: 0,
    assigneeId: null,
    lastAction: null,
    lastEventAt: start.at,
  };
}

/** A fact after one event, and what that event adds to the daily counters. */
export interface Projected {
  fact: DossierFactEntity;
  counters: CounterIncrements;
  /** The unit the counters are credited to when not the fact's (processing) unit. */
  creditedTo?: string;
}

/** A processing transition as routing publishes it. */
export interface StatusChange {
  to: DossierStatusCode;
  action: string;
  unitCode: string | null;
  dueAt: Date | null;
  resultChannel: (typeof RESULT_CHANNELS)[number] | null;
  at: Date;
}

/** Working minutes between two instants on the working calendar. */
export type WorkingMinutes = (from: Date, to: Date) => number;

/** On time when the result is ready by the deadline in force then; unknown without a deadline. */
export function onTime(finishedAt: Date, dueAt: Date | null): boolean | null {
  return dueAt ? finishedAt.getTime() <= dueAt.getTime() : null;
}

/** A copy of the fact that has seen an event at `at` (a dossier's events come on several topics, not always in time order). */
function touched(fact: DossierFactEntity, at: Date): DossierFactEntity {
  return { ...fact, lastEventAt: at > fact.lastEventAt ? at : fact.lastEventAt };
}

/** Routing names the unit answering for the dossier, the officer holding it and the deadline it has there. */
export function applyRouting(
  fact: DossierFactEntity,
  unitCode: string,
  assigneeId: string | null,
  dueAt: Date | null,
  at: Date,
): Projected {
  const next = touched(fact, at);
  next.unitCode = unitCode;
  next.assigneeId = assigneeId;
  next.dueAt = dueAt;
  return { fact: next, counters: {} };
}

/**
 * A processing transition: the status, unit and deadline it leaves, and the outcome counted on
 * the day it happened. The result (9) is judged against routing's deadline at that moment, which
 * already includes any apology's new date.
 */
export function applyStatusChange(
  fact: DossierFactEntity,
  change: StatusChange,
  workingMinutes: WorkingMinutes,
): Projected {
  // One copy, completed in place: this runs for most events of a replay.
  const next = touched(fact, change.at);
  next.status = change.to;
  next.unitCode = change.unitCode ?? fact.unitCode;
  next.dueAt = change.dueAt;
  next.lastAction = change.action;
  if (change.action === 'request-supplement') next.supplementCount += 1;
  switch (change.to) {
    case DOSSIER_STATUS.done: {
      const inTime = onTime(change.at, change.dueAt ?? fact.dueAt);
      const minutes = fact.receivedAt ? workingMinutes(fact.receivedAt, change.at) : null;
      next.finishedAt = change.at;
      next.onTime = inTime;
      next.processingMinutes = minutes;
      return {
        fact: next,
        counters: {
          resolved: 1,
          resolved_on_time: inTime === true ? 1 : 0,
          resolved_late: inTime === false ? 1 : 0,
          processing_minutes_sum: minutes ?? 0,
        },
      };
    }
    case DOSSIER_STATUS.stopped:
      next.finishedAt = change.at;
      return { fact: next, counters: { stopped: 1 } };
    case DOSSIER_STATUS.withdrawn:
      next.finishedAt = change.at;
      return { fact: next, counters: { withdrawn: 1 } };
    case DOSSIER_STATUS.returned: {
      const electronic = change.resultChannel === 'electronic';
      next.returnedAt = change.at;
      next.electronicResult = electronic;
      return { fact: next, counters: { returned: 1, returned_electronic: electronic ? 1 : 0 } };
    }
    default:
      return { fact: next, counters: {} };
  }
}

/** Task monitoring saw the deadline pass; each such event counts for the unit it holds answerable. */
export function applyOverdue(fact: DossierFactEntity, unitCode: string, at: Date): Projected {
  return {
    fact: { ...touched(fact, at), overdueFlagged: true },
    counters: { overdue_events: 1 },
    creditedTo: unitCode,
  };
}

/** An apology moves a running deadline to the new date, as routing does; a paused or ended clock keeps its own. */
export function applyApology(fact: DossierFactEntity, unitCode: string, newDueAt: Date, at: Date): Projected {
  const running = fact.dueAt !== null && fact.finishedAt === null;
  return {
    fact: { ...touched(fact, at), apologyCount: fact.apologyCount + 1, dueAt: running ? newDueAt : fact.dueAt },
    counters: { apologies: 1 },
    creditedTo: unitCode,
  };
}

/** A signed result document: counted once per dossier, however many times it is signed again. */
export function applySignedResult(fact: DossierFactEntity, at: Date): Projected {
  return {
    fact: { ...touched(fact, at), signedResult: true },
    counters: { signed_results: fact.signedResult ? 0 : 1 },
  };
}

/** A notice about the dossier that notification could not deliver: counted for the unit processing it. */
export function applyUndeliverableNotice(fact: DossierFactEntity, at: Date): Projected {
  return {
    fact: { ...touched(fact, at), undeliverableNotices: fact.undeliverableNotices + 1 },
    counters: { undeliverable_notices: 1 },
  };
}
