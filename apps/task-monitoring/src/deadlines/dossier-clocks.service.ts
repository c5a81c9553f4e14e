import { Injectable } from '@nestjs/common';
import {
  DOSSIER_STATUS,
  DossierAction,
  DossierReceived,
  DossierRouted,
  DossierStatusChanged,
  DossierStatusCode,
  EnvelopeOf,
  presumedCompetentUnit,
  ProcessingStep,
} from '@onestop/contracts';
import { EntityManager } from 'typeorm';
import { ClockKeeper } from './clock-keeper';
import { closeClock, enterStep, pauseClock, resumeClock, startClock } from './deadline-clock';
import { EscalationStore } from './escalation.store';

const FINAL: readonly DossierStatusCode[] = [
  DOSSIER_STATUS.withdrawn,
  DOSSIER_STATUS.stopped,
  DOSSIER_STATUS.done,
  DOSSIER_STATUS.returned,
];

/** The step each processing action starts. */
const STEP_STARTED_BY: Partial<Record<DossierAction, ProcessingStep>> = {
  transfer: 'acceptance',
  accept: 'processing',
  approve: 'signature',
  reject: 'signature',
};

/** How the dossier events of intake and routing move the dossiers' clocks, inside each event's transaction. */
@Injectable()
export class DossierClocksService {
  constructor(
    private readonly clocks: ClockKeeper,
    private readonly escalations: EscalationStore,
  ) {}

  /** A received dossier starts its clock, from the counting start and deadline intake computed. */
  async startOnReceipt(event: EnvelopeOf<typeof DossierReceived>, tx: EntityManager): Promise<void> {
    const dossier = event.payload;
    await this.clocks.start(tx, dossier.provinceCode, ({ calendar, settings }) => ({
      dossierId: dossier.dossierId,
      code: dossier.code,
      provinceCode: dossier.provinceCode,
      unitCode: presumedCompetentUnit(dossier),
      assigneeId: null,
      procedureCode: dossier.procedure.code,
      pausesForCitizen: dossier.procedure.clockPausesForCitizen,
      deadlineVersion: 1,
      receivedAt: new Date(dossier.receivedAt),
      closedAt: null,
      clock: startClock(calendar, settings, new Date(dossier.countingFrom), new Date(dossier.dueAt)),
    }));
  }

  /** Routing names the unit and the officer who answer for the dossier. */
  async followRouting(event: EnvelopeOf<typeof DossierRouted>, tx: EntityManager): Promise<void> {
    const { dossierId, unitCode, assigneeId } = event.payload;
    const changed = await this.clocks.change(tx, dossierId, new Date(event.occurredAt), (record) => ({
      ...record,
      unitCode,
      assigneeId,
    }));
    // Open escalations follow the dossier to the unit and officer now answering for it.
    if (changed) await this.escalations.move(tx, dossierId, unitCode, assigneeId);
  }

  /**
   * Processing moves the clock: waiting on the citizen pauses it where the procedure says so, the
   * answer resumes it, actions start steps, and the result (or the end of the dossier) stops it.
   * The return step does not count, so a done dossier's clock stops at status 9.
   */
  async followProcessing(event: EnvelopeOf<typeof DossierStatusChanged>, tx: EntityManager): Promise<void> {
    const change = event.payload;
    const at = new Date(event.occurredAt);
    if (event.source !== 'routing') return; // intake's receipt and refusals: the clock starts with DossierReceived
    const changed = await this.clocks.change(tx, change.dossierId, at, (record, { calendar, settings }) => {
      const unitCode = change.unitCode ?? record.unitCode;
      if (FINAL.includes(change.to))
        return { ...record, unitCode, closedAt: record.closedAt ?? at, clock: closeClock(record.clock) };
      let clock = record.clock;
      const waitsOnCitizen = change.to === DOSSIER_STATUS.supplementRequested || change.to === DOSSIER_STATUS.feesDue;
      if (waitsOnCitizen && record.pausesForCitizen) clock = pauseClock(clock, calendar, at);
      if (change.to === DOSSIER_STATUS.processing && clock.state === 'paused') clock = resumeClock(clock, calendar, at);
      const step = STEP_STARTED_BY[change.action as DossierAction];
      if (step) clock = enterStep(clock, settings, step, at);
      return { ...record, unitCode, clock };
    });
    if (changed?.closedAt) await this.escalations.resolve(tx, change.dossierId, at);
  }
}
