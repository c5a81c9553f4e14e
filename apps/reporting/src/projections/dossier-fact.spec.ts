import { DOSSIER_STATUS } from '@onestop/contracts';
import { receivedFact } from '../test/received-fact';
import {
  applyApology,
  applyOverdue,
  applyRouting,
  applySignedResult,
  applyStatusChange,
  onTime,
  StatusChange,
} from './dossier-fact';

const at = (iso: string) => new Date(iso);

const received = receivedFact;

/** Stands in for the working calendar: every wall minute counts. */
const wallMinutes = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 60_000;

const change = (overrides: Partial<StatusChange>): StatusChange => ({
  to: DOSSIER_STATUS.processing,
  action: 'accept',
  unitCode: '19774',
  dueAt: at('2026-11-27T02:00:00Z'),
  resultChannel: null,
  at: at('2026-11-24T03:00:00Z'),
  ...overrides,
});

describe('onTime', () => {
  it('starts with the field of its procedure and nothing happened to it yet', () => {
    expect(received).toMatchObject({
      fieldCode: 'business-registration',
      refusedAt: null,
      finishedAt: null,
      supplementCount: 0,
      signedResult: false,
      lastEventAt: received.receivedAt,
    });
  });

  it('is on time up to and including the deadline, late after it, unknown without one', () => {
    expect(onTime(at('2026-11-27T02:00:00Z'), at('2026-11-27T02:00:00Z'))).toBe(true);
    expect(onTime(at('2026-11-27T02:00:01Z'), at('2026-11-27T02:00:00Z'))).toBe(false);
    expect(onTime(at('2026-11-27T02:00:00Z'), null)).toBeNull();
  });
});

describe('applyStatusChange', () => {
  it('moves the dossier to the unit and deadline processing gives it, counting nothing on the way', () => {
    const { fact, counters } = applyStatusChange(received, change({}), wallMinutes);
    expect(fact).toMatchObject({
      status: 4,
      lastAction: 'accept',
      unitCode: '19774',
      dueAt: at('2026-11-27T02:00:00Z'),
      lastEventAt: at('2026-11-24T03:00:00Z'),
    });
    expect(counters).toEqual({});
  });

  it('judges the result against the deadline in force and counts its processing minutes', () => {
    const late = applyStatusChange(
      received,
      change({ to: DOSSIER_STATUS.done, action: 'sign', at: at('2026-11-27T03:00:00Z') }),
      wallMinutes,
    );
    expect(late.fact).toMatchObject({
      status: 9,
      finishedAt: at('2026-11-27T03:00:00Z'),
      onTime: false,
      processingMinutes: 4380,
    });
    expect(late.counters).toEqual({ resolved: 1, resolved_on_time: 0, resolved_late: 1, processing_minutes_sum: 4380 });
    // Without the deadline in the event, the fact's own one counts.
    const onTimeResult = applyStatusChange(
      received,
      change({ to: DOSSIER_STATUS.done, dueAt: null, at: at('2026-11-26T02:00:00Z') }),
      wallMinutes,
    );
    expect(onTimeResult.fact.onTime).toBe(true);
    expect(onTimeResult.counters).toMatchObject({ resolved_on_time: 1, resolved_late: 0 });
  });

  it('counts supplement requests on the fact and the end of the dossier on the day', () => {
    const supplemented = applyStatusChange(
      received,
      change({ to: DOSSIER_STATUS.supplementRequested, action: 'request-supplement', dueAt: null }),
      wallMinutes,
    ).fact;
    expect(supplemented).toMatchObject({ status: 5, dueAt: null, supplementCount: 1 });
    const stopped = applyStatusChange(
      supplemented,
      change({ to: DOSSIER_STATUS.stopped, action: 'stop', dueAt: null, at: at('2026-11-25T03:00:00Z') }),
      wallMinutes,
    );
    expect(stopped.fact).toMatchObject({
      status: 8,
      finishedAt: at('2026-11-25T03:00:00Z'),
      onTime: null,
      supplementCount: 1,
    });
    expect(stopped.counters).toEqual({ stopped: 1 });
    const withdrawn = applyStatusChange(
      supplemented,
      change({ to: DOSSIER_STATUS.withdrawn, action: 'withdraw', dueAt: null }),
      wallMinutes,
    );
    expect(withdrawn.counters).toEqual({ withdrawn: 1 });
  });

  it('records how the result went back, electronic or not', () => {
    const done = applyStatusChange(
      received,
      change({ to: DOSSIER_STATUS.done, at: at('2026-11-25T02:00:00Z') }),
      wallMinutes,
    ).fact;
    const electronic = applyStatusChange(
      done,
      change({
        to: DOSSIER_STATUS.returned,
        action: 'return-result',
        dueAt: null,
        resultChannel: 'electronic',
        at: at('2026-11-26T02:00:00Z'),
      }),
      wallMinutes,
    );
    expect(electronic.fact).toMatchObject({
      status: 10,
      finishedAt: at('2026-11-25T02:00:00Z'),
      returnedAt: at('2026-11-26T02:00:00Z'),
      electronicResult: true,
      onTime: true,
    });
    expect(electronic.counters).toEqual({ returned: 1, returned_electronic: 1 });
    const atCounter = applyStatusChange(
      done,
      change({ to: DOSSIER_STATUS.returned, action: 'return-result', dueAt: null, resultChannel: 'counter' }),
      wallMinutes,
    );
    expect(atCounter.counters).toEqual({ returned: 1, returned_electronic: 0 });
  });
});

describe('deadline, routing and signature events', () => {
  it('credits overdue events and apologies to the unit held answerable', () => {
    expect(applyOverdue(received, '19774', at('2026-11-27T02:00:00Z'))).toEqual({
      fact: { ...received, overdueFlagged: true, lastEventAt: at('2026-11-27T02:00:00Z') },
      counters: { overdue_events: 1 },
      creditedTo: '19774',
    });
    const apology = applyApology(received, '19774', at('2026-11-30T10:30:00Z'), at('2026-11-26T08:00:00Z'));
    expect(apology.fact).toMatchObject({ apologyCount: 1, dueAt: at('2026-11-30T10:30:00Z') });
    expect(apology).toMatchObject({ counters: { apologies: 1 }, creditedTo: '19774' });
  });

  it('leaves a paused deadline paused when an apology comes', () => {
    const paused = { ...received, dueAt: null };
    expect(applyApology(paused, '19774', at('2026-11-30T10:30:00Z'), at('2026-11-26T08:00:00Z')).fact).toMatchObject({
      apologyCount: 1,
      dueAt: null,
    });
  });

  it('keeps the latest event time when events arrive out of order', () => {
    const routed = applyRouting(received, '19774', 'officer-7', null, at('2026-11-23T00:00:00Z')).fact;
    expect(routed).toMatchObject({
      unitCode: '19774',
      assigneeId: 'officer-7',
      dueAt: null,
      lastEventAt: received.lastEventAt,
    });
  });

  it('counts a signed result once per dossier', () => {
    const first = applySignedResult(received, at('2026-11-25T01:00:00Z'));
    expect(first.counters).toEqual({ signed_results: 1 });
    expect(applySignedResult(first.fact, at('2026-11-25T02:00:00Z'))).toMatchObject({
      fact: { signedResult: true },
      counters: { signed_results: 0 },
    });
  });
});
