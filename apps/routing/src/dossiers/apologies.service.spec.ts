import { CalendarStore, DEFAULT_CALENDAR_DAYS, WorkingCalendar } from '@onestop/calendar';
import { DossierApologyIssued, EnvelopeOf } from '@onestop/contracts';
import { createEvent } from '@onestop/messaging';
import { ManualClock } from '@onestop/platform';
import { ApologiesService } from './apologies.service';
import { DossierHistoryStore } from './dossier-history.store';
import {
  InMemoryHistory,
  InMemoryRoutedDossiers,
  NO_TRANSACTION,
  routedDossier,
} from '../test/in-memory-dossier-stores';
import { RoutedDossierEntity } from './routed-dossier.entity';
import { RoutedDossiersStore } from './routed-dossiers.store';

const LEADER = { kind: 'user' as const, id: 'leader-1', roles: ['unit-leader' as const], unitCode: '19753' };
const now = new Date('2026-05-04T08:00:00Z');
/** Issued on Monday 4 May 2026 at 09:00 in Vietnam; the new appointment is Wednesday 6 May, due at 17:30. */
const issuedAt = new Date('2026-05-04T02:00:00Z');
const newDueAt = new Date('2026-05-06T10:30:00Z');

function setup(dossier: RoutedDossierEntity) {
  const dossiers = new InMemoryRoutedDossiers();
  const history = new InMemoryHistory();
  const calendar = new WorkingCalendar(DEFAULT_CALENDAR_DAYS);
  const calendars = { calendar: async () => calendar } as unknown as CalendarStore;
  const service = new ApologiesService(
    dossiers as unknown as RoutedDossiersStore,
    history as unknown as DossierHistoryStore,
    calendars,
    new ManualClock(now),
  );
  dossiers.add(dossier);
  return { dossiers, history, service, calendar };
}

function apology(dossierId: string): EnvelopeOf<typeof DossierApologyIssued> {
  return createEvent(
    DossierApologyIssued,
    dossierId,
    {
      dossierId,
      code: '19753-260424-0001',
      provinceCode: '46',
      unitCode: '19753',
      reason: 'the land survey needs another visit',
      newAppointmentDate: '2026-05-06',
      newDueAt: newDueAt.toISOString(),
      approvedBy: LEADER.id,
    },
    { source: 'task-monitoring', actor: LEADER, correlationId: 'c0ffee', causationId: null },
    issuedAt,
  );
}

describe('ApologiesService', () => {
  it('moves a running deadline to the new appointment and records the apology without a change of state', async () => {
    const { dossiers, history, service } = setup(routedDossier());
    await service.apply(apology(routedDossier().id), NO_TRANSACTION);

    expect(dossiers.rows.get(routedDossier().id)).toMatchObject({
      dueAt: newDueAt,
      remainingWorkingHours: null,
      version: 4,
      updatedAt: now,
    });
    expect(history.steps).toEqual([
      expect.objectContaining({
        action: 'apology',
        at: issuedAt,
        from: { state: 'processing', status: 4 },
        to: { state: 'processing', status: 4 },
        details: { newAppointmentDate: '2026-05-06', approvedBy: LEADER.id },
      }),
    ]);
  });

  it('keeps a paused clock paused, with the working time from the apology to the new appointment as its remainder', async () => {
    const paused = routedDossier({
      state: 'supplement-requested',
      status: 5,
      dueAt: null,
      pausedAt: new Date('2026-04-30T02:00:00Z'),
      remainingWorkingHours: '6.5',
    });
    const { dossiers, service, calendar } = setup(paused);
    await service.apply(apology(paused.id), NO_TRANSACTION);

    const hours = calendar.workingHoursBetween(issuedAt, newDueAt);
    expect(hours).toBeGreaterThan(0);
    expect(dossiers.rows.get(paused.id)).toMatchObject({
      dueAt: null,
      remainingWorkingHours: String(hours),
      pausedAt: paused.pausedAt,
    });
  });

  it('leaves a dossier that is no longer running alone', async () => {
    const done = routedDossier({ state: 'done', status: 9, dueAt: null });
    const { dossiers, history, service } = setup(done);
    await service.apply(apology(done.id), NO_TRANSACTION);

    expect(dossiers.rows.get(done.id)).toEqual(done);
    expect(history.steps).toEqual([]);
  });
});
