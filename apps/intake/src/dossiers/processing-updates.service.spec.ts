import {
  DOSSIER_STATUS,
  DossierApologyIssued,
  DossierStatusChanged,
  DossierStatusCode,
  EnvelopeOf,
  EventEnvelope,
} from '@onestop/contracts';
import { createEvent, EventOrigin } from '@onestop/messaging';
import { EntityManager } from 'typeorm';
import { DossierStore, ProcessingChange } from './dossier.store';
import { ProcessingUpdatesService } from './processing-updates.service';
import { PublicHistoryStore } from './public-history.store';

const DOSSIER = '0193a1b2-0000-7000-8000-000000000001';
const ELSEWHERE = '0193a1b2-0000-7000-8000-000000000002';
const tx = {} as EntityManager;

interface HeldDossier {
  status: DossierStatusCode;
  appointmentDate: string | null;
}

/** Intake's copies of dossiers, in memory: what the service reads and changes of them. */
class InMemoryDossiers {
  readonly held = new Map<string, HeldDossier>();

  async applyProcessingChange(_tx: EntityManager, id: string, change: ProcessingChange): Promise<boolean> {
    const dossier = this.held.get(id);
    if (dossier) dossier.status = change.status;
    return dossier !== undefined;
  }

  async lockStatus(_tx: EntityManager, id: string): Promise<DossierStatusCode | null> {
    return this.held.get(id)?.status ?? null;
  }

  async moveAppointment(_tx: EntityManager, id: string, appointmentDate: string): Promise<void> {
    this.held.get(id)!.appointmentDate = appointmentDate;
  }
}

/** The public steps recorded, as (dossier, action) pairs. */
class RecordedSteps {
  readonly steps: [string, string][] = [];

  async recordStatusChanges(_tx: EntityManager, dossierId: string, events: readonly EventEnvelope[]): Promise<void> {
    for (const event of events) this.steps.push([dossierId, (event.payload as { action: string }).action]);
  }

  async recordApology(_tx: EntityManager, dossierId: string): Promise<void> {
    this.steps.push([dossierId, 'apology']);
  }
}

const origin = (source: EventOrigin['source']): EventOrigin => ({
  source,
  actor: { kind: 'system', id: 'test' },
  correlationId: DOSSIER,
  causationId: null,
});

function statusChanged(
  dossierId: string,
  to: DossierStatusCode,
  source: EventOrigin['source'] = 'routing',
): EnvelopeOf<typeof DossierStatusChanged> {
  const payload = {
    dossierId,
    code: '19753-261203-0001',
    provinceCode: '46',
    procedureCode: 'HKD-DANGKY',
    receivingUnitCode: '19753',
    unitCode: '19774',
    from: DOSSIER_STATUS.received,
    to,
    action: 'accept',
    reason: null,
    dueAt: null,
    resultChannel: null,
  };
  return createEvent(DossierStatusChanged, dossierId, payload, origin(source), new Date('2026-12-03T03:00:00Z'));
}

function apology(dossierId: string): EnvelopeOf<typeof DossierApologyIssued> {
  const payload = {
    dossierId,
    code: '19753-261203-0001',
    provinceCode: '46',
    unitCode: '19774',
    reason: 'Chờ xác minh',
    newAppointmentDate: '2026-12-15',
    newDueAt: '2026-12-15T10:00:00.000Z',
    approvedBy: 'leader',
  };
  return createEvent(
    DossierApologyIssued,
    dossierId,
    payload,
    origin('task-monitoring'),
    new Date('2026-12-03T03:00:00Z'),
  );
}

describe('ProcessingUpdatesService', () => {
  let dossiers: InMemoryDossiers;
  let history: RecordedSteps;
  let updates: ProcessingUpdatesService;

  beforeEach(() => {
    dossiers = new InMemoryDossiers();
    history = new RecordedSteps();
    updates = new ProcessingUpdatesService(
      dossiers as unknown as DossierStore,
      history as unknown as PublicHistoryStore,
    );
    dossiers.held.set(DOSSIER, { status: DOSSIER_STATUS.received, appointmentDate: '2026-12-10' });
  });

  it("takes processing's status changes as a public step, and passes over its own and other deployments' dossiers", async () => {
    await updates.statusChanged(statusChanged(DOSSIER, DOSSIER_STATUS.processing), tx);
    await updates.statusChanged(statusChanged(DOSSIER, DOSSIER_STATUS.returned, 'intake'), tx);
    await updates.statusChanged(statusChanged(ELSEWHERE, DOSSIER_STATUS.processing), tx);
    expect(dossiers.held.get(DOSSIER)!.status).toBe(DOSSIER_STATUS.processing);
    expect(history.steps).toEqual([[DOSSIER, 'accept']]);
  });

  it('moves the appointment of a dossier whose deadline runs, and leaves a closed one as it closed', async () => {
    await updates.apologyIssued(apology(DOSSIER), tx);
    expect(dossiers.held.get(DOSSIER)!.appointmentDate).toBe('2026-12-15');

    dossiers.held.set(DOSSIER, { status: DOSSIER_STATUS.returned, appointmentDate: '2026-12-10' });
    await updates.apologyIssued(apology(DOSSIER), tx);
    await updates.apologyIssued(apology(ELSEWHERE), tx);
    expect(dossiers.held.get(DOSSIER)!.appointmentDate).toBe('2026-12-10');
    expect(history.steps).toEqual([[DOSSIER, 'apology']]);
  });
});
