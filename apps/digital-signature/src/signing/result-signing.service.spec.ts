import { EnvelopeOf, SignatureFailed, SignatureRequested } from '@onestop/contracts';
import { EventDataKeys, OutboxWriter } from '@onestop/messaging';
import { PadesError } from '@onestop/pades';
import { developmentKeyring, ManualClock } from '@onestop/platform';
import { AdministrativeUnit, AdministrativeUnits } from '@onestop/reference-data';
import { signatureRequestedEvent } from '@onestop/testing';
import { EntityManager } from 'typeorm';
import { CertificateRegistry } from '../certificates/certificate-registry.service';
import { CertificateEntity } from '../certificates/certificate.entity';
import { DigitalSignatureEnv } from '../digital-signature.env';
import { DocumentEntity } from './document.entity';
import { DocumentStore } from './document.store';
import { ResultSigningService } from './result-signing.service';
import { SignatureRequestEntity } from './signature-request.entity';
import { NewSignatureRequest, SignatureRequestStore } from './signature-request.store';
import { SigningContext, SigningService } from './signing.service';

/** The signature requests as the store keeps them, in memory. */
class InMemorySignatureRequests {
  readonly rows = new Map<
    string,
    Pick<SignatureRequestEntity, 'id' | 'state' | 'resultDocumentId' | 'signedDocumentId' | 'reason'>
  >();

  async open(_tx: EntityManager, request: NewSignatureRequest): Promise<boolean> {
    if (this.rows.has(request.id)) return false;
    this.rows.set(request.id, {
      id: request.id,
      state: 'awaiting-signer',
      resultDocumentId: null,
      signedDocumentId: null,
      reason: null,
    });
    return true;
  }

  async attachResult(_tx: EntityManager, id: string, resultDocumentId: string): Promise<void> {
    this.rows.get(id)!.resultDocumentId = resultDocumentId;
  }

  async markSigned(_tx: EntityManager, id: string, signedDocumentId: string): Promise<void> {
    Object.assign(this.rows.get(id)!, { state: 'signed', signedDocumentId });
  }

  async markFailed(_tx: EntityManager, id: string, reason: string): Promise<void> {
    Object.assign(this.rows.get(id)!, { state: 'failed', reason });
  }
}

class InMemoryDocuments {
  readonly stored: DocumentEntity[] = [];

  async insert(_tx: EntityManager, document: Omit<DocumentEntity, 'id' | 'sha256'>): Promise<DocumentEntity> {
    const stored = { ...document, id: `document-${this.stored.length + 1}`, sha256: 'digest' };
    this.stored.push(stored);
    return stored;
  }
}

const phuXuan: AdministrativeUnit = {
  code: '19753',
  kind: 'commune',
  name: 'Phường Phú Xuân',
  nameEn: '',
  subkind: 'Ward',
  provinceCode: '46',
  parentCode: null,
  effectiveFrom: '2025-07-01',
  effectiveTo: null,
  successorCode: null,
};
const hue: AdministrativeUnit = {
  ...phuXuan,
  code: '46',
  kind: 'province',
  name: 'Thành phố Huế',
  subkind: 'City',
  provinceCode: null,
};
const knownUnits = new Map([phuXuan, hue].map((unit) => [unit.code, unit]));

const certificate = (keyStorage: CertificateEntity['keyStorage']) =>
  ({
    id: 'certificate-1',
    userId: 'leader',
    commonName: 'Lê Thị Hoa',
    subject: 'CN=Lê Thị Hoa',
    keyStorage,
    lockedAt: null,
    revokedAt: null,
  }) as CertificateEntity;
const tx = {} as EntityManager;

describe('signing a requested result', () => {
  jest.setTimeout(30_000);
  let requests: InMemorySignatureRequests;
  let documents: InMemoryDocuments;
  let published: EnvelopeOf<typeof SignatureFailed>[];
  let registered: CertificateEntity | null;
  let signWithServerKey: (context: SigningContext) => Promise<{ documentId: string }>;
  let service: ResultSigningService;

  beforeEach(() => {
    requests = new InMemorySignatureRequests();
    documents = new InMemoryDocuments();
    published = [];
    registered = certificate('server');
    signWithServerKey = async () => ({ documentId: 'signed-1' });
    service = new ResultSigningService(
      { current: async () => registered } as unknown as CertificateRegistry,
      {
        signWithServerKey: (_tx: EntityManager, _pdf: Buffer, context: SigningContext) => signWithServerKey(context),
      } as unknown as SigningService,
      documents as unknown as DocumentStore,
      requests as unknown as SignatureRequestStore,
      {
        append: async (_tx: EntityManager, events: EnvelopeOf<typeof SignatureFailed>[]) =>
          void published.push(...events),
      } as unknown as OutboxWriter,
      new EventDataKeys(developmentKeyring('event-data')),
      new ManualClock(new Date('2026-11-24T03:00:00Z')),
      new DigitalSignatureEnv(),
      {
        find: async (code: string) => knownUnits.get(code) ?? null,
        current: async (code: string) => knownUnits.get(code) ?? null,
      } as unknown as AdministrativeUnits,
    );
  });

  const requested = (unitCode = '19753'): EnvelopeOf<typeof SignatureRequested> =>
    signatureRequestedEvent({ unitCode, signerId: 'leader', at: new Date('2026-11-24T02:00:00Z') });

  it('fails the request and tells routing when the signer has no valid certificate, storing no result', async () => {
    registered = null;
    const event = requested();
    await service.signRequested(event, tx);
    expect(requests.rows.get(event.payload.requestId)).toMatchObject({
      state: 'failed',
      reason: 'no valid signing certificate is registered for leader',
    });
    expect(published.map((failed) => [failed.type, failed.payload])).toEqual([
      [
        'SignatureFailed',
        {
          requestId: event.payload.requestId,
          dossierId: event.payload.dossierId,
          signerId: 'leader',
          reason: 'no valid signing certificate is registered for leader',
        },
      ],
    ]);
    expect(documents.stored).toEqual([]);
  });

  it('prints no result for a deciding unit the reference data does not know: the request fails with the code', async () => {
    const event = requested('99999');
    await service.signRequested(event, tx);
    expect(requests.rows.get(event.payload.requestId)).toMatchObject({
      state: 'failed',
      reason: expect.stringContaining('the deciding unit 99999 is not in the reference data'),
    });
    expect(published).toHaveLength(1);
    expect(documents.stored).toEqual([]);
  });

  it('signs or refuses a request once only: the same request under another event id changes nothing', async () => {
    registered = null;
    const event = requested();
    await service.signRequested(event, tx);
    await service.signRequested({ ...event, id: 'another-event-id' }, tx);
    expect(published).toHaveLength(1);
  });

  it('signs the rendered result with the key held here and records the signed document', async () => {
    let signedOver: SigningContext['source'] = null;
    signWithServerKey = async (context) => {
      signedOver = context.source;
      return { documentId: 'signed-1' };
    };
    const event = requested();
    await service.signRequested(event, tx);
    const [result] = documents.stored;
    expect(result).toMatchObject({
      kind: 'result',
      dossierId: event.payload.dossierId,
      dossierCode: event.payload.code,
      unitCode: '19753',
      provinceCode: '46',
    });
    expect(result.content.subarray(0, 5).toString()).toBe('%PDF-');
    expect(signedOver).toBe(result);
    expect(requests.rows.get(event.payload.requestId)).toMatchObject({
      state: 'signed',
      resultDocumentId: result.id,
      signedDocumentId: 'signed-1',
    });
    expect(published).toEqual([]);
  });

  it("leaves the result waiting for the decider's device", async () => {
    registered = certificate('device');
    signWithServerKey = () => Promise.reject(new Error('a device key is never used here'));
    const event = requested();
    await service.signRequested(event, tx);
    expect(requests.rows.get(event.payload.requestId)).toMatchObject({
      state: 'awaiting-signer',
      resultDocumentId: documents.stored[0].id,
    });
    expect(published).toEqual([]);
  });

  it('reports a refused signature as SignatureFailed, but leaves any other error to be retried', async () => {
    signWithServerKey = () => Promise.reject(new PadesError('the signing key is locked: lost'));
    const refused = requested();
    await service.signRequested(refused, tx);
    expect(requests.rows.get(refused.payload.requestId)).toMatchObject({
      state: 'failed',
      reason: 'the signing key is locked: lost',
    });
    expect(published.map((failed) => failed.payload.reason)).toEqual(['the signing key is locked: lost']);

    signWithServerKey = () => Promise.reject(new Error('connection terminated'));
    await expect(service.signRequested(requested(), tx)).rejects.toThrow('connection terminated');
  });
});
