import { EventEnvelope } from '@onestop/contracts';
import { OutboxWriter } from '@onestop/messaging';
import { EntityManager } from 'typeorm';
import { STATUS_OF } from '../workflow/dossier-workflow';
import { DossierHistoryStore, HistoryStep } from '../dossiers/dossier-history.store';
import { RoutedDossierEntity } from '../dossiers/routed-dossier.entity';
import { DossierChange, RoutedDossiersStore } from '../dossiers/routed-dossiers.store';

/** Unit tests run the services without a database: the fakes ignore the transaction. */
export const NO_TRANSACTION = {} as EntityManager;

/** The routed_dossiers table as the services see it through the store, with its version rule. */
export class InMemoryRoutedDossiers implements Pick<RoutedDossiersStore, 'lock' | 'change' | 'reschedule'> {
  readonly rows = new Map<string, RoutedDossierEntity>();

  add(dossier: RoutedDossierEntity): void {
    this.rows.set(dossier.id, { ...dossier });
  }

  async lock(_tx: EntityManager, id: string): Promise<RoutedDossierEntity | null> {
    const row = this.rows.get(id);
    return row ? { ...row } : null;
  }

  async change(
    _tx: EntityManager,
    id: string,
    version: number,
    change: DossierChange,
    now: Date,
  ): Promise<RoutedDossierEntity> {
    const row = this.rows.get(id);
    if (!row || row.version !== version) throw new Error(`dossier ${id} is not at version ${version}`);
    const updated = { ...row, ...change, version: row.version + 1, updatedAt: now };
    this.rows.set(id, updated);
    return { ...updated };
  }

  async reschedule(
    _tx: EntityManager,
    id: string,
    due: Pick<RoutedDossierEntity, 'dueAt' | 'remainingWorkingHours'>,
    now: Date,
  ): Promise<void> {
    const row = this.rows.get(id)!;
    this.rows.set(id, { ...row, ...due, version: row.version + 1, updatedAt: now });
  }
}

export class InMemoryHistory implements Pick<DossierHistoryStore, 'append'> {
  readonly steps: HistoryStep[] = [];

  async append(_tx: EntityManager, step: HistoryStep): Promise<void> {
    this.steps.push(step);
  }
}

export class InMemoryOutbox implements Pick<OutboxWriter, 'append'> {
  readonly events: EventEnvelope[] = [];

  async append(_tx: EntityManager, events: readonly EventEnvelope[]): Promise<void> {
    this.events.push(...events);
  }
}

/** A commune dossier in processing, due 4 May 2026 at 17:30 in Vietnam; override what a test is about. */
export function routedDossier(overrides: Partial<RoutedDossierEntity> = {}): RoutedDossierEntity {
  return {
    id: '0195f3a2-7c4e-7d10-9a3b-3f0e2d1c4b5a',
    code: '19753-260424-0001',
    provinceCode: '46',
    procedure: {
      code: 'HKD-DANGKY',
      version: 1,
      name: { vi: 'Đăng ký hộ kinh doanh', en: 'Household business registration' },
      competentLevel: { kind: 'commune' },
      processingTime: { unit: 'working-days', amount: 3 },
      clockPausesForCitizen: true,
    },
    receivingUnitCode: '19753',
    unitCode: '19753',
    assigneeId: 'specialist-1',
    state: 'processing',
    status: STATUS_OF.processing,
    outcome: null,
    applicant: { name: 'Nguyễn Thị Hoa', phone: '0912345678', email: null, communeCode: '19753', accountSubject: null },
    subjectCommuneCode: '19753',
    receivedAt: new Date('2026-04-28T01:00:00Z'),
    dueAt: new Date('2026-05-04T10:30:00Z'),
    pausedAt: null,
    remainingWorkingHours: null,
    resultChannel: null,
    signatureRequestId: null,
    version: 3,
    updatedAt: new Date('2026-04-28T01:00:00Z'),
    ...overrides,
  };
}
