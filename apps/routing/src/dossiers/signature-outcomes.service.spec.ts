import { DocumentSigned, DossierStatusChanged, EnvelopeOf, SignatureFailed } from '@onestop/contracts';
import { createEvent, OutboxWriter } from '@onestop/messaging';
import { ManualClock } from '@onestop/platform';
import { DossierHistoryStore } from './dossier-history.store';
import {
  InMemoryHistory,
  InMemoryOutbox,
  InMemoryRoutedDossiers,
  NO_TRANSACTION,
  routedDossier,
} from '../test/in-memory-dossier-stores';
import { RoutedDossiersStore } from './routed-dossiers.store';
import { SignatureOutcomesService } from './signature-outcomes.service';

const REQUEST = '0195f3a2-7c4e-7d10-9a3b-000000000001';
const SIGNER = { kind: 'user' as const, id: 'leader-1', roles: ['unit-leader' as const], unitCode: '19753' };
const origin = { source: 'digital-signature' as const, actor: SIGNER, correlationId: 'c0ffee', causationId: null };
const now = new Date('2026-04-30T03:00:00Z');

function setup() {
  const dossiers = new InMemoryRoutedDossiers();
  const history = new InMemoryHistory();
  const outbox = new InMemoryOutbox();
  const service = new SignatureOutcomesService(
    dossiers as unknown as RoutedDossiersStore,
    history as unknown as DossierHistoryStore,
    outbox as unknown as OutboxWriter,
    new ManualClock(now),
  );
  dossiers.add(routedDossier({ state: 'awaiting-signature', outcome: 'approved', signatureRequestId: REQUEST }));
  return { dossiers, history, outbox, service, id: routedDossier().id };
}

function signed(dossierId: string | null, requestId: string | null): EnvelopeOf<typeof DocumentSigned> {
  return createEvent(
    DocumentSigned,
    dossierId ?? 'no-dossier',
    {
      requestId,
      dossierId,
      documentId: '0195f3a2-7c4e-7d10-9a3b-0000000000d0',
      sha256: 'a'.repeat(64),
      signerId: SIGNER.id,
      certificateSerial: '5401',
      level: 'B-T',
      signedAt: now.toISOString(),
    },
    origin,
    now,
  );
}

function failed(dossierId: string, requestId: string): EnvelopeOf<typeof SignatureFailed> {
  return createEvent(
    SignatureFailed,
    dossierId,
    { requestId, dossierId, signerId: SIGNER.id, reason: 'the token was not plugged in' },
    origin,
    now,
  );
}

describe('SignatureOutcomesService', () => {
  it('makes the decided dossier done once its result is signed: no deadline left, the decision kept', async () => {
    const { dossiers, history, outbox, service, id } = setup();
    await service.signed(signed(id, REQUEST), NO_TRANSACTION);

    expect(dossiers.rows.get(id)).toMatchObject({
      state: 'done',
      status: 9,
      outcome: 'approved',
      dueAt: null,
      signatureRequestId: null,
      version: 4,
      updatedAt: now,
    });
    expect(history.steps).toEqual([
      expect.objectContaining({
        action: 'result-signed',
        actor: SIGNER,
        from: { state: 'awaiting-signature', status: 4 },
        to: { state: 'done', status: 9 },
        reason: null,
      }),
    ]);
    expect(outbox.events).toEqual([
      expect.objectContaining({
        type: DossierStatusChanged.type,
        payload: expect.objectContaining({ from: 4, to: 9, action: 'result-signed', dueAt: null }),
      }),
    ]);
  });

  it('returns the decision to processing when the signature fails, with the reason and the deadline as it was', async () => {
    const { dossiers, history, outbox, service, id } = setup();
    await service.failed(failed(id, REQUEST), NO_TRANSACTION);

    expect(dossiers.rows.get(id)).toMatchObject({
      state: 'processing',
      status: 4,
      outcome: null,
      dueAt: routedDossier().dueAt,
      signatureRequestId: null,
    });
    expect(history.steps).toEqual([
      expect.objectContaining({
        action: 'signature-failed',
        reason: 'the token was not plugged in',
        details: { requestId: REQUEST },
      }),
    ]);
    expect(outbox.events).toHaveLength(1);
  });

  it('ignores an answer to another request, a repeated answer, and signatures routing never asked for', async () => {
    const { dossiers, history, outbox, service, id } = setup();
    await service.failed(failed(id, '0195f3a2-7c4e-7d10-9a3b-000000000002'), NO_TRANSACTION);
    await service.signed(signed(id, null), NO_TRANSACTION);
    await service.signed(signed(null, REQUEST), NO_TRANSACTION);
    expect(dossiers.rows.get(id)).toMatchObject({ state: 'awaiting-signature', version: 3 });

    await service.signed(signed(id, REQUEST), NO_TRANSACTION);
    await service.signed(signed(id, REQUEST), NO_TRANSACTION);
    expect(dossiers.rows.get(id)).toMatchObject({ state: 'done', version: 4 });
    expect(history.steps).toHaveLength(1);
    expect(outbox.events).toHaveLength(1);
  });
});
