import { CalendarStore, DEFAULT_CALENDAR_DAYS, WorkingCalendar } from '@onestop/calendar';
import { ManualClock, Principal, ProblemException } from '@onestop/platform';
import { createTestDatabase, TestDatabase } from '@onestop/testing';
import { randomUUID } from 'node:crypto';
import { taskMonitoringSchema } from '../database/schema';
import { TaskMonitoringEnv } from '../task-monitoring.env';
import { ClockRecord } from './clock-record';
import { DeadlineQueries } from './deadline-queries.service';
import { DossierClockStore } from './dossier-clock.store';
import { EscalationStore } from './escalation.store';

/** An instant in Huế local time, 'YYYY-MM-DDTHH:MM'. */
const at = (local: string) => new Date(`${local}:00+07:00`);
/** Monday 7 September 2026, 10:00 in Huế: one working day of warning reaches Tuesday 10:00. */
const NOW = at('2026-09-07T10:00');
const PHU_XUAN = '19753';
const KIM_LONG = '19774';

const officer = (role: 'specialist' | 'unit-leader', unitCode: string): Principal => ({
  subject: `${role}-${unitCode}`,
  roles: [role],
  unitCode,
  provinceCode: '46',
});
const PROVINCE_LEADER: Principal = {
  subject: 'province-leader',
  roles: ['province-leader'],
  unitCode: null,
  provinceCode: '46',
};

/** A running clock of a unit due at `dueAt`, warned a working day before. */
function running(unitCode: string, dueAt: Date, dueSoonAt: Date) {
  const record: ClockRecord = {
    dossierId: randomUUID(),
    code: `${unitCode}-260901-${String(Math.floor(Math.random() * 9000) + 1000)}`,
    provinceCode: '46',
    unitCode,
    assigneeId: null,
    procedureCode: 'HKD-DANGKY',
    pausesForCitizen: true,
    deadlineVersion: 1,
    receivedAt: at('2026-09-01T09:00'),
    closedAt: null,
    clock: {
      state: 'running',
      budgetMinutes: 1440,
      segmentStart: at('2026-09-01T09:00'),
      remainingMinutes: 1440,
      step: 'processing',
      stepStart: at('2026-09-01T11:24'),
      stepRemainingMinutes: 1008,
      fired: { dueSoon: false, overdue: false, stepOverdue: false, escalation: 0 },
    },
  };
  return {
    record,
    triggers: { dueAt, dueSoonAt, stepDueAt: dueAt, escalateAt: { 'unit-leader': dueAt, province: dueAt } },
  };
}

/** The lists leaders work from, read from the deadline and escalation indexes a page at a time. */
describe('deadline and escalation lists', () => {
  const env = new TaskMonitoringEnv();
  let database: TestDatabase;
  let queries: DeadlineQueries;
  let escalations: EscalationStore;
  const overdue = running(PHU_XUAN, at('2026-09-04T09:00'), at('2026-09-03T09:00'));
  const dueSoon = running(PHU_XUAN, at('2026-09-08T09:00'), at('2026-09-07T09:00'));
  const onTime = running(PHU_XUAN, at('2026-09-21T09:00'), at('2026-09-18T09:00'));
  const elsewhere = running(KIM_LONG, at('2026-09-08T08:00'), at('2026-09-07T08:00'));

  beforeAll(async () => {
    database = await createTestDatabase('deadline_lists', taskMonitoringSchema);
    const clocks = new DossierClockStore(database.dataSource);
    escalations = new EscalationStore(database.dataSource);
    const calendars = { calendar: async () => new WorkingCalendar(DEFAULT_CALENDAR_DAYS) } as unknown as CalendarStore;
    queries = new DeadlineQueries(clocks, escalations, calendars, new ManualClock(NOW), env);
    await database.dataSource.transaction(async (tx) => {
      for (const stored of [overdue, dueSoon, onTime, elsewhere]) await clocks.insert(tx, stored, NOW);
      // A receipt seen twice keeps the first clock.
      await clocks.insert(tx, { ...overdue, record: { ...overdue.record, unitCode: KIM_LONG } }, NOW);
      await escalations.record(tx, [
        {
          record: overdue.record,
          level: 'unit-leader',
          dueAt: overdue.triggers.dueAt,
          escalatedAt: at('2026-09-04T13:30'),
        },
        {
          record: overdue.record,
          level: 'province',
          dueAt: overdue.triggers.dueAt,
          escalatedAt: at('2026-09-07T09:00'),
        },
        {
          record: elsewhere.record,
          level: 'unit-leader',
          dueAt: elsewhere.triggers.dueAt,
          escalatedAt: at('2026-09-07T08:00'),
        },
      ]);
      // Escalated once per deadline and level, however often the alarm is fired.
      await escalations.record(tx, [
        {
          record: overdue.record,
          level: 'unit-leader',
          dueAt: overdue.triggers.dueAt,
          escalatedAt: at('2026-09-04T14:00'),
        },
      ]);
    });
  }, 60_000);

  afterAll(async () => {
    await database?.drop();
  });

  const ids = (page: { items: Array<{ dossierId: string }> }) => page.items.map((item) => item.dossierId);

  it("lists a unit's overdue and due-soon dossiers, earliest deadline first, a page at a time", async () => {
    const specialist = officer('specialist', PHU_XUAN);
    const both = await queries.deadlines({}, specialist);
    expect(both.items.map((item) => [item.dossierId, item.state])).toEqual([
      [overdue.record.dossierId, 'overdue'],
      [dueSoon.record.dossierId, 'due-soon'],
    ]);
    expect(both.items[0]).toMatchObject({
      unitCode: PHU_XUAN,
      dueAt: overdue.triggers.dueAt,
      dueSoonAt: overdue.triggers.dueSoonAt,
      escalationLevel: 0,
    });
    expect(ids(await queries.deadlines({ state: 'overdue' }, specialist))).toEqual([overdue.record.dossierId]);
    expect(ids(await queries.deadlines({ state: 'due-soon' }, specialist))).toEqual([dueSoon.record.dossierId]);

    const first = await queries.deadlines({ limit: 1 }, specialist);
    expect(ids(first)).toEqual([overdue.record.dossierId]);
    const second = await queries.deadlines({ limit: 1, cursor: first.nextCursor! }, specialist);
    expect(second).toMatchObject({ nextCursor: null });
    expect(ids(second)).toEqual([dueSoon.record.dossierId]);

    expect(ids(await queries.deadlines({}, PROVINCE_LEADER))).toEqual([
      overdue.record.dossierId,
      elsewhere.record.dossierId,
      dueSoon.record.dossierId,
    ]);
    expect(ids(await queries.deadlines({ unit: KIM_LONG }, PROVINCE_LEADER))).toEqual([elsewhere.record.dossierId]);
  });

  it("gives a unit leader his unit's queue and the province its own, until an escalation is settled", async () => {
    const queue = async (principal: Principal, level?: 'unit-leader' | 'province') =>
      (await queries.escalations({ level }, principal)).items.map((item) => [item.dossierId, item.level]);
    expect(await queue(officer('unit-leader', PHU_XUAN))).toEqual([[overdue.record.dossierId, 'unit-leader']]);
    expect(await queue(PROVINCE_LEADER, 'province')).toEqual([[overdue.record.dossierId, 'province']]);
    expect(await queue(PROVINCE_LEADER)).toEqual([
      [overdue.record.dossierId, 'unit-leader'],
      [elsewhere.record.dossierId, 'unit-leader'],
      [overdue.record.dossierId, 'province'],
    ]);
    await expect(queries.escalations({ level: 'province' }, officer('unit-leader', PHU_XUAN))).rejects.toBeInstanceOf(
      ProblemException,
    );

    await database.dataSource.transaction(async (tx) => {
      await escalations.move(tx, elsewhere.record.dossierId, PHU_XUAN, 'officer-1');
      await escalations.resolve(tx, overdue.record.dossierId, NOW);
    });
    expect(await queue(officer('unit-leader', PHU_XUAN))).toEqual([[elsewhere.record.dossierId, 'unit-leader']]);
    expect(await queue(officer('unit-leader', KIM_LONG))).toEqual([]);
  });
});
