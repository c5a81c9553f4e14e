import { DOSSIER_STATUS, DossierRouted, DossierStatusChanged, DossierStatusCode } from '@onestop/contracts';
import { createEvent, EventOrigin } from '@onestop/messaging';
import { Clock, ManualClock } from '@onestop/platform';
import { randomUUID } from 'node:crypto';
import { inMemoryDeadlines } from '../test/in-memory-deadlines';
import { startClock } from './deadline-clock';

/** An instant in Huế local time, 'YYYY-MM-DDTHH:MM'. */
const at = (local: string) => new Date(`${local}:00+07:00`);
const PHU_XUAN = '19753';
const KIM_LONG = '19774';
/** Three working days from Tuesday 1 September 2026, 09:00, over the National Day holidays and a weekend. */
const RECEIVED_AT = at('2026-09-01T09:00');
const DUE_AT = at('2026-09-08T09:00');
const CODE = '19753-260901-0001';

describe('dossier events on the deadline clocks', () => {
  const clock = new ManualClock(RECEIVED_AT);
  let dossierId: string;
  let deadlines: ReturnType<typeof inMemoryDeadlines>;
  const origin = (source: EventOrigin['source']): EventOrigin => ({
    source,
    actor: { kind: 'system', id: 'test' },
    correlationId: dossierId,
    causationId: null,
  });

  beforeEach(async () => {
    dossierId = randomUUID();
    deadlines = inMemoryDeadlines(clock as Clock);
    await deadlines.keeper.start(deadlines.tx, '46', ({ calendar, settings }) => ({
      dossierId,
      code: CODE,
      provinceCode: '46',
      unitCode: PHU_XUAN,
      assigneeId: null,
      procedureCode: 'HKD-DANGKY',
      pausesForCitizen: true,
      deadlineVersion: 1,
      receivedAt: RECEIVED_AT,
      closedAt: null,
      clock: startClock(calendar, settings, RECEIVED_AT, DUE_AT),
    }));
  });

  const routed = (id: string, unitCode: string, assigneeId: string, when: Date) =>
    deadlines.dossierClocks.followRouting(
      createEvent(
        DossierRouted,
        id,
        { dossierId: id, code: CODE, unitCode, assigneeId, dueAt: null },
        origin('routing'),
        when,
      ),
      deadlines.tx,
    );
  const statusChanged = (
    to: DossierStatusCode,
    action: string,
    when: Date,
    source: EventOrigin['source'] = 'routing',
  ) => {
    const payload = {
      dossierId,
      code: CODE,
      provinceCode: '46',
      procedureCode: 'HKD-DANGKY',
      receivingUnitCode: PHU_XUAN,
      unitCode: PHU_XUAN,
      from: DOSSIER_STATUS.processing,
      to,
      action,
      reason: null,
      dueAt: null,
      resultChannel: null,
    };
    return deadlines.dossierClocks.followProcessing(
      createEvent(DossierStatusChanged, dossierId, payload, origin(source), when),
      deadlines.tx,
    );
  };
  const stored = async () => (await deadlines.clocks.read(dossierId))!;

  it('hands the dossier and its open escalations to the unit and officer routing names', async () => {
    // Past the deadline by more than the unit leader's four working hours: escalated to Phú Xuân's
    // leader as routing's event is applied, then handed on with the dossier.
    await routed(dossierId, KIM_LONG, 'officer-1', at('2026-09-08T16:00'));
    expect((await stored()).record).toMatchObject({ unitCode: KIM_LONG, assigneeId: 'officer-1' });
    expect(
      deadlines.outbox.events.filter((event) => event.type === 'DossierEscalated').map((event) => event.payload),
    ).toEqual([expect.objectContaining({ unitCode: PHU_XUAN, level: 'unit-leader' })]);
    expect(deadlines.escalations.rows).toEqual([
      expect.objectContaining({ level: 'unit-leader', unitCode: KIM_LONG, assigneeId: 'officer-1', resolvedAt: null }),
    ]);

    await routed(dossierId, PHU_XUAN, 'officer-2', at('2026-09-08T16:30'));
    expect(deadlines.escalations.rows).toEqual([
      expect.objectContaining({ level: 'unit-leader', unitCode: PHU_XUAN, assigneeId: 'officer-2' }),
    ]);
  });

  it('announces the deadline a result missed before closing the clock, and settles its escalations', async () => {
    await statusChanged(DOSSIER_STATUS.done, 'result-signed', at('2026-09-08T16:00'));
    expect(deadlines.outbox.events.map((event) => [event.type, event.occurredAt])).toEqual(
      expect.arrayContaining([
        ['DossierOverdue', DUE_AT.toISOString()],
        ['DossierEscalated', at('2026-09-08T15:00').toISOString()],
      ]),
    );
    expect((await stored()).record).toMatchObject({ closedAt: at('2026-09-08T16:00'), clock: { state: 'closed' } });
    expect(deadlines.escalations.rows).toEqual([
      expect.objectContaining({ level: 'unit-leader', resolvedAt: at('2026-09-08T16:00') }),
    ]);
  });

  it('pauses while the citizen supplements the dossier, and leaves the clock to routing alone', async () => {
    await statusChanged(DOSSIER_STATUS.supplementRequested, 'request-supplement', at('2026-09-01T10:00'), 'intake');
    expect((await stored()).record.clock.state).toBe('running');
    await statusChanged(DOSSIER_STATUS.supplementRequested, 'request-supplement', at('2026-09-01T10:00'));
    expect(await stored()).toMatchObject({ record: { clock: { state: 'paused' } }, triggers: null });
  });

  it('skips a dossier whose receipt it never saw', async () => {
    const unknown = randomUUID();
    await routed(unknown, KIM_LONG, 'officer-1', at('2026-09-02T10:00'));
    expect(await deadlines.clocks.read(unknown)).toBeNull();
    expect(deadlines.outbox.events).toEqual([]);
  });
});
