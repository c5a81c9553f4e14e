import { Clock, ManualClock, Principal, ProblemException } from '@onestop/platform';
import { randomUUID } from 'node:crypto';
import { inMemoryDeadlines } from '../test/in-memory-deadlines';
import { startClock } from './deadline-clock';

/** An instant in Huế local time, 'YYYY-MM-DDTHH:MM'. */
const at = (local: string) => new Date(`${local}:00+07:00`);
const PHU_XUAN = '19753';
/** Three working days from Tuesday 1 September 2026, 09:00, over the National Day holidays and a weekend. */
const RECEIVED_AT = at('2026-09-01T09:00');
const DUE_AT = at('2026-09-08T09:00');
const REASON = 'Cần xác minh thêm thông tin về thửa đất';

const leader = (unitCode: string): Principal => ({
  subject: `leader-${unitCode}`,
  roles: ['unit-leader'],
  unitCode,
  provinceCode: '46',
});

/** The body of the problem `attempt` is refused with. */
async function problemOf(attempt: Promise<unknown>) {
  const error = await attempt.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ProblemException);
  return (error as ProblemException).getResponse();
}

describe('an apology for a late dossier', () => {
  const dossierId = randomUUID();
  let clock: ManualClock;
  let deadlines: ReturnType<typeof inMemoryDeadlines>;

  beforeEach(async () => {
    clock = new ManualClock(RECEIVED_AT);
    deadlines = inMemoryDeadlines(clock as Clock);
    await deadlines.keeper.start(deadlines.tx, '46', ({ calendar, settings }) => ({
      dossierId,
      code: '19753-260901-0001',
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

  const apologise = (newAppointmentDate: string, principal = leader(PHU_XUAN)) =>
    deadlines.apologyService.record(dossierId, { reason: REASON, newAppointmentDate }, principal);

  it('moves the deadline to the end of the new working day, for a new deadline version, and tells the applicant', async () => {
    clock.set(at('2026-09-01T10:00'));
    deadlines.escalations.rows.push({
      id: 'open',
      dossierId,
      deadlineVersion: 1,
      level: 'unit-leader',
      code: '19753-260901-0001',
      provinceCode: '46',
      unitCode: PHU_XUAN,
      assigneeId: null,
      dueAt: DUE_AT,
      escalatedAt: RECEIVED_AT,
      resolvedAt: null,
    });

    const recorded = await apologise('2026-09-10');

    const newDueAt = at('2026-09-10T17:30').toISOString();
    expect(recorded).toEqual({
      id: expect.any(String),
      dossierId,
      code: '19753-260901-0001',
      provinceCode: '46',
      unitCode: PHU_XUAN,
      reason: REASON,
      newAppointmentDate: '2026-09-10',
      newDueAt,
      approvedBy: `leader-${PHU_XUAN}`,
      previousDueAt: DUE_AT.toISOString(),
      recordedAt: at('2026-09-01T10:00').toISOString(),
    });
    expect(deadlines.apologies.rows).toEqual([
      expect.objectContaining({
        id: recorded.id,
        dossierId,
        previousDueAt: DUE_AT,
        newDueAt: new Date(newDueAt),
        newAppointmentDate: '2026-09-10',
      }),
    ]);
    const stored = (await deadlines.clocks.read(dossierId))!;
    expect(stored.record.deadlineVersion).toBe(2);
    expect(stored.triggers?.dueAt).toEqual(new Date(newDueAt));
    expect(deadlines.escalations.rows[0].resolvedAt).toEqual(at('2026-09-01T10:00'));
    expect(deadlines.outbox.events.map((event) => [event.type, event.payload])).toEqual([
      [
        'DossierApologyIssued',
        {
          dossierId,
          code: '19753-260901-0001',
          provinceCode: '46',
          unitCode: PHU_XUAN,
          reason: REASON,
          newAppointmentDate: '2026-09-10',
          newDueAt,
          approvedBy: `leader-${PHU_XUAN}`,
        },
      ],
    ]);
  });

  it('arms the alarms again once the deadline has passed: the new deadline is announced afresh', async () => {
    clock.set(at('2026-09-08T12:00'));
    await apologise('2026-09-10');
    // What fell due before the apology went out first, as the scan would have announced it.
    expect(deadlines.outbox.events.map((event) => event.type)).toEqual([
      'DossierOverdue',
      'StepOverdue',
      'DossierApologyIssued',
    ]);
    expect((await deadlines.clocks.read(dossierId))!.record.clock.fired).toMatchObject({
      dueSoon: false,
      overdue: false,
      escalation: 0,
    });
  });

  it('takes a working day after the current appointment (or today, once it has passed), within a year', async () => {
    clock.set(at('2026-09-01T10:00'));
    expect(await problemOf(apologise('2026-09-08'))).toMatchObject({
      status: 400,
      errors: [
        {
          field: 'newAppointmentDate',
          code: 'minDate',
          message: 'must be after 2026-09-08, the current appointment',
          params: { after: '2026-09-08' },
        },
      ],
    });
    expect(await problemOf(apologise('2026-09-12'))).toMatchObject({
      status: 400,
      errors: [{ field: 'newAppointmentDate', code: 'workingDay', message: 'must be a working day' }],
    });
    expect(await problemOf(apologise('2027-09-09'))).toMatchObject({
      status: 400,
      errors: [{ field: 'newAppointmentDate', code: 'maxDate', params: { max: '2027-09-08' } }],
    });

    clock.set(at('2026-09-09T10:00'));
    expect(await problemOf(apologise('2026-09-09'))).toMatchObject({
      errors: [{ code: 'minDate', message: 'must be after 2026-09-09, the current date' }],
    });
    expect(deadlines.apologies.rows).toEqual([]);
    expect((await deadlines.clocks.read(dossierId))!.record.deadlineVersion).toBe(1);
  });

  it("refuses a closed dossier, and answers for another unit's dossier as for one that does not exist", async () => {
    expect(await problemOf(apologise('2026-09-10', leader('19774')))).toMatchObject({
      status: 404,
      title: 'No such dossier',
      errors: [{ field: 'id', code: 'unknownReference' }],
    });
    expect(
      await problemOf(
        deadlines.apologyService.record(
          randomUUID(),
          { reason: REASON, newAppointmentDate: '2026-09-10' },
          leader(PHU_XUAN),
        ),
      ),
    ).toMatchObject({
      status: 404,
      title: 'No such dossier',
    });

    const stored = (await deadlines.clocks.read(dossierId))!;
    await deadlines.clocks.update(deadlines.tx, {
      record: { ...stored.record, clock: { ...stored.record.clock, state: 'closed' } },
      triggers: null,
    });
    expect(await problemOf(apologise('2026-09-10'))).toMatchObject({ status: 409, title: 'Dossier closed' });
    expect(deadlines.apologies.rows).toEqual([]);
  });
});
