import { DocumentSigned, DossierApologyIssued, EventEnvelope, SignatureFailed, TOPICS } from '@onestop/contracts';
import { createEvent } from '@onestop/messaging';
import { PlatformEnv } from '@onestop/platform';
import {
  dossierReceivedEvent,
  publishEvents,
  ServiceUnderTest,
  startServiceWithDatabase,
  testKafkaBrokers,
  tokenFor,
  waitFor,
} from '@onestop/testing';
import { Admin, Kafka, logLevel, Producer, RecordMetadata } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { routingSchema } from '../database/schema';
import { routingService } from '../service';

/** Communes no other test files dossiers for: the topics are shared, and other suites count their units' dossiers. */
const AN_CUU = '19815';
const PHONG_DIEN = '19819';
const SIGNATURE_SERVICE = {
  source: 'digital-signature' as const,
  actor: { kind: 'system' as const, id: 'digital-signature' },
  correlationId: 'lifecycle',
  causationId: null,
};

interface WorkItem {
  id: string;
  state: string;
  status: number;
  unitCode: string;
  assigneeId: string | null;
  dueAt: string | null;
  clockPaused: boolean;
  outcome: string | null;
  resultChannel: string | null;
  version: number;
}

interface HistoryStep {
  action: string;
  toStatus: number;
  reason: string | null;
  details: Record<string, unknown>;
}

/** One dossier through routing: its events over Kafka and its officers' actions, read back as the API shows them. */
describe('a routed dossier from reception to hand-over', () => {
  let running: ServiceUnderTest<PlatformEnv>;
  let producer: Producer;
  let admin: Admin;
  const tokens: Record<string, string> = {};

  /** Publishes the events one by one and waits until routing's consumer has committed past them: applied, or found applied already. */
  const deliver = async (topic: string, events: EventEnvelope[]) => {
    const published: RecordMetadata[] = [];
    for (const event of events) published.push(...(await publishEvents(producer, topic, [event])));
    await waitFor(
      async () => {
        const [offsets] = await admin.fetchOffsets({ groupId: running.env.KAFKA_GROUP_ID!, topics: [topic] });
        return published.every(
          ({ partition, baseOffset }) =>
            Number(offsets.partitions.find((p) => p.partition === partition)?.offset ?? -1) > Number(baseOffset),
        );
      },
      20_000,
      `routing's consumer to pass the events published on ${topic}`,
    );
  };
  const receive = async (unitCode: string) => {
    const event = dossierReceivedEvent({ unitCode });
    await deliver(TOPICS.dossier, [event]);
    return event;
  };
  const read = async (id: string, token = tokens.specialist) =>
    (await request(running.url).get(`/api/v1/dossiers/${id}`).auth(token, { type: 'bearer' }).expect(200))
      .body as WorkItem;
  const history = async (id: string, token = tokens.specialist) =>
    (
      (await request(running.url).get(`/api/v1/dossiers/${id}/history`).auth(token, { type: 'bearer' }).expect(200))
        .body as { items: HistoryStep[] }
    ).items;
  const act = async (id: string, token: string, body: object) => {
    const { version } = await read(id, token);
    return (
      await request(running.url)
        .post(`/api/v1/dossiers/${id}/actions`)
        .auth(token, { type: 'bearer' })
        .send({ ...body, version })
        .expect(200)
    ).body as WorkItem;
  };
  const awaitedRequest = async (id: string) => (await history(id)).at(-1)!.details['signatureRequestId'] as string;

  beforeAll(async () => {
    running = await startServiceWithDatabase(routingService, routingSchema, { KAFKA_CONSUMER_START: 'latest' });
    const kafka = new Kafka({
      clientId: 'routing-e2e-lifecycle',
      brokers: testKafkaBrokers(),
      logLevel: logLevel.NOTHING,
    });
    [producer, admin] = [kafka.producer(), kafka.admin()];
    await Promise.all([producer.connect(), admin.connect()]);
    tokens.specialist = await tokenFor('specialist', AN_CUU, '46', 'specialist-an-cuu');
    tokens.leader = await tokenFor('unit-leader', AN_CUU, '46', 'leader-an-cuu');
    tokens.phongDienLeader = await tokenFor('unit-leader', PHONG_DIEN, '46', 'leader-phong-dien');
  }, 60_000);

  afterAll(async () => {
    await Promise.all([producer?.disconnect(), admin?.disconnect()]);
    await running?.close();
  }, 30_000);

  it('routes a dossier once, however often its event comes', async () => {
    const event = await receive(AN_CUU);
    // The same event again (the inbox knows it), and as intake would publish it anew under another id.
    await deliver(TOPICS.dossier, [event, { ...event, id: randomUUID() }]);
    expect((await history(event.payload.dossierId)).map((step) => step.action)).toEqual(['route']);
    expect(await read(event.payload.dossierId)).toMatchObject({
      state: 'received',
      status: 2,
      unitCode: AN_CUU,
      dueAt: event.payload.dueAt,
      version: 1,
    });
  });

  it('pauses the deadline for a supplement, runs it again, and settles the decision by the signature it waits on', async () => {
    const id = (await receive(AN_CUU)).payload.dossierId;
    await act(id, tokens.specialist, { action: 'accept' });
    expect(
      await act(id, tokens.specialist, { action: 'request-supplement', reason: 'Thiếu bản sao hợp đồng' }),
    ).toMatchObject({ status: 5, dueAt: null, clockPaused: true });
    const resumed = await act(id, tokens.specialist, { action: 'supplement-received' });
    expect(resumed).toMatchObject({ status: 4, clockPaused: false, dueAt: expect.any(String) });

    expect(await act(id, tokens.leader, { action: 'approve' })).toMatchObject({
      state: 'awaiting-signature',
      status: 4,
      outcome: 'approved',
      version: 5,
    });
    const failed = createEvent(
      SignatureFailed,
      id,
      {
        requestId: await awaitedRequest(id),
        dossierId: id,
        signerId: 'leader-an-cuu',
        reason: 'no valid signing certificate',
      },
      SIGNATURE_SERVICE,
      new Date(),
    );
    // Its answer once more, under a new event id: the dossier waits on that request no longer.
    await deliver(TOPICS.signature, [failed, { ...failed, id: randomUUID() }]);
    expect(await read(id)).toMatchObject({ state: 'processing', outcome: null, dueAt: resumed.dueAt, version: 6 });

    await act(id, tokens.leader, { action: 'approve' });
    const signed = createEvent(
      DocumentSigned,
      id,
      {
        requestId: await awaitedRequest(id),
        dossierId: id,
        documentId: '0195f3a2-7c4e-7d10-9a3b-0000000000d0',
        sha256: 'b'.repeat(64),
        signerId: 'leader-an-cuu',
        certificateSerial: '5401',
        level: 'B-T',
        signedAt: new Date().toISOString(),
      },
      SIGNATURE_SERVICE,
      new Date(),
    );
    await deliver(TOPICS.signature, [signed]);
    expect(await read(id)).toMatchObject({ state: 'done', status: 9, outcome: 'approved', dueAt: null });
    expect(await act(id, tokens.specialist, { action: 'return-result', resultChannel: 'counter' })).toMatchObject({
      status: 10,
      resultChannel: 'counter',
    });

    const steps = await history(id);
    expect(steps.map((step) => [step.action, step.toStatus])).toEqual([
      ['route', 2],
      ['accept', 4],
      ['request-supplement', 5],
      ['supplement-received', 4],
      ['approve', 4],
      ['signature-failed', 4],
      ['approve', 4],
      ['result-signed', 9],
      ['return-result', 10],
    ]);
    expect(steps[5]).toMatchObject({ reason: 'no valid signing certificate' });
  });

  it("transfers a dossier to another unit's least-loaded specialist", async () => {
    await request(running.url)
      .put(`/api/v1/units/${PHONG_DIEN}/officers/specialist-phong-dien`)
      .auth(tokens.phongDienLeader, { type: 'bearer' })
      .send({ roles: ['specialist'], active: true })
      .expect(200);
    const id = (await receive(AN_CUU)).payload.dossierId;
    expect(
      await act(id, tokens.leader, { action: 'transfer', reason: 'Sai thẩm quyền', targetUnitCode: PHONG_DIEN }),
    ).toMatchObject({
      state: 'received',
      unitCode: PHONG_DIEN,
      assigneeId: 'specialist-phong-dien',
    });
    // Out of An Cựu's reach now: the unit that took it over reads its trail.
    await request(running.url).get(`/api/v1/dossiers/${id}`).auth(tokens.specialist, { type: 'bearer' }).expect(404);
    expect((await history(id, tokens.phongDienLeader)).at(-1)).toMatchObject({
      action: 'transfer',
      details: { fromUnitCode: AN_CUU, toUnitCode: PHONG_DIEN, assigneeId: 'specialist-phong-dien' },
    });
  });

  it('moves the deadline of a running dossier to the appointment an apology sets', async () => {
    const id = (await receive(AN_CUU)).payload.dossierId;
    const newDueAt = '2026-12-04T10:30:00.000Z';
    const apology = createEvent(
      DossierApologyIssued,
      id,
      {
        dossierId: id,
        code: 'any',
        provinceCode: '46',
        unitCode: AN_CUU,
        reason: 'Cần xác minh thực địa',
        newAppointmentDate: '2026-12-04',
        newDueAt,
        approvedBy: 'leader-an-cuu',
      },
      { ...SIGNATURE_SERVICE, source: 'task-monitoring' },
      new Date(),
    );
    await deliver(TOPICS.task, [apology]);
    expect(await read(id)).toMatchObject({ state: 'received', dueAt: newDueAt, version: 2 });
    expect((await history(id)).at(-1)).toMatchObject({
      action: 'apology',
      reason: 'Cần xác minh thực địa',
      details: { newAppointmentDate: '2026-12-04', approvedBy: 'leader-an-cuu' },
    });
  });
});
