import { registerOfficer, SignatureServiceUnderTest, startSignatureService } from '@onestop/digital-signature/testing';
import { IntakeEnv, intakeSchema, intakeService } from '@onestop/intake';
import { startBroker, stopBroker, resetBroker } from '@onestop/local-stack';
import { ManualClock, PlatformEnv } from '@onestop/platform';
import { AdministrativeUnits } from '@onestop/reference-data';
import { routingSchema, routingService } from '@onestop/routing';
import { binaryBody, ServiceUnderTest, startServiceWithDatabase, tokenFor, waitFor } from '@onestop/testing';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Its own broker: this test restarts Kafka in the middle of the flow.
const broker = { name: 'lifecycle', port: 19392 };
const COMMUNE_A = '19753'; // Phú Xuân, Huế: where the service point is
const COMMUNE_B = '19774'; // Kim Long, Huế: where the applicant lives
const SERVICE_POINT = `${COMMUNE_A}.BD1`;
const CITIZEN_ID = '046095001234';

/**
 * Boundary-free filing end to end: a dossier handed in at a service point of commune A for an
 * applicant of commune B is processed by B, through supplement, approval, signature and hand-over,
 * with Kafka restarted midway; A's officers never see it.
 */
describe('a dossier filed in commune A for an applicant of commune B', () => {
  jest.setTimeout(120_000);
  // Tuesday 24 November 2026, 09:00 in Huế.
  const clock = new ManualClock(new Date('2026-11-24T09:00:00+07:00'));
  const idempotencyKey = `lifecycle-${randomBytes(4).toString('hex')}`;
  let intake: ServiceUnderTest<IntakeEnv>;
  let routing: ServiceUnderTest<PlatformEnv>;
  let signature: SignatureServiceUnderTest;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    await resetBroker(broker);
    const { brokers } = await startBroker(broker);
    const kafka = { KAFKA_BROKERS: brokers, KAFKA_CONSUMER_START: 'earliest' };
    [intake, routing, signature] = await Promise.all([
      startServiceWithDatabase(intakeService, intakeSchema, kafka, { clock }),
      startServiceWithDatabase(routingService, routingSchema, kafka, { clock }),
      // Its certificates are issued for the test's own time: issued for today's, they would not yet be valid on 24 November.
      startSignatureService([{ id: 'leader-b', name: 'Lê Thị Hoa', unitCode: COMMUNE_B }], kafka, {
        clock,
        pkiIssuedAt: clock.now(),
      }),
    ]);
    await intake.app.get(AdministrativeUnits).addServicePoint({
      code: SERVICE_POINT,
      name: 'Điểm phục vụ Bưu điện Phú Xuân',
      nameEn: 'Phu Xuan post office service point',
      parentCode: COMMUNE_A,
      provinceCode: '46',
      effectiveFrom: '2026-01-01',
    });
    tokens.desk = await tokenFor('desk-officer', SERVICE_POINT, '46', 'desk-bd1');
    tokens.specialistB = await tokenFor('specialist', COMMUNE_B, '46', 'specialist-b');
    tokens.leaderB = await tokenFor('unit-leader', COMMUNE_B, '46', 'leader-b');
    tokens.specialistA = await tokenFor('specialist', COMMUNE_A, '46', 'specialist-a');
    tokens.leaderA = await tokenFor('unit-leader', COMMUNE_A, '46', 'leader-a');
    const admin = await tokenFor('province-admin', undefined, '46', 'admin');
    await request(routing.url)
      .put(`/api/v1/units/${COMMUNE_B}/officers/specialist-b`)
      .auth(admin, { type: 'bearer' })
      .send({ roles: ['specialist'], active: true })
      .expect(200);
  }, 180_000);

  afterAll(async () => {
    await intake?.close();
    await routing?.close();
    await signature?.close();
    await stopBroker(broker);
  }, 60_000);

  const filing = {
    procedureCode: 'HKD-DANGKY',
    receivingUnitCode: SERVICE_POINT,
    channel: 'counter',
    applicant: {
      name: 'Trần Thị Bình',
      citizenId: CITIZEN_ID,
      phone: '0912345678',
      email: 'binh@example.vn',
      address: { line: '5 Kim Long', communeCode: COMMUNE_B },
    },
    documents: [
      { type: 'registration-application', fileName: 'giay-de-nghi.pdf', sha256: 'a'.repeat(64), size: 120_000 },
    ],
  };

  let dossier: { id: string; code: string };
  let version = 0;

  async function act(token: string, body: Record<string, unknown>, expected = 200) {
    const response = await request(routing.url)
      .post(`/api/v1/dossiers/${dossier.id}/actions`)
      .auth(token, { type: 'bearer' })
      .send({ version, ...body });
    expect({ status: response.status, body: response.body }).toMatchObject({ status: expected });
    if (expected === 200) version = response.body.version;
    return response;
  }

  async function dossierView(): Promise<{ state: string; status: number; version: number }> {
    return (
      await request(routing.url)
        .get(`/api/v1/dossiers/${dossier.id}`)
        .auth(tokens.leaderB, { type: 'bearer' })
        .expect(200)
    ).body;
  }

  async function routingStatus(token: string): Promise<number | null> {
    const response = await request(routing.url).get(`/api/v1/dossiers/${dossier.id}`).auth(token, { type: 'bearer' });
    return response.status === 200 ? response.body.status : null;
  }

  it('is received at the service point with a code of that desk and an appointment date', async () => {
    const response = await request(intake.url)
      .post('/api/v1/dossiers')
      .auth(tokens.desk, { type: 'bearer' })
      .set('Idempotency-Key', idempotencyKey)
      .send(filing)
      .expect(201);
    dossier = response.body;
    expect(response.body.code).toBe(`${SERVICE_POINT}-261124-0001`);
    expect(response.body.status).toBe(2);
    // HKD-DANGKY takes 3 working days: from Tuesday 09:00 to Friday 09:00.
    expect(response.body.appointmentDate).toBe('2026-11-27');
    expect(response.body.dueAt).toBe(new Date('2026-11-27T09:00:00+07:00').toISOString());

    const retry = await request(intake.url)
      .post('/api/v1/dossiers')
      .auth(tokens.desk, { type: 'bearer' })
      .set('Idempotency-Key', idempotencyKey)
      .send(filing)
      .expect(201);
    expect(retry.body.id).toBe(dossier.id);
    expect(retry.headers['idempotent-replayed']).toBe('true');
  });

  it("reaches commune B's least-loaded officer, not commune A", async () => {
    await waitFor(async () => (await routingStatus(tokens.specialistB)) === 2, 30_000, 'the dossier routed to B');
    const item = await request(routing.url)
      .get(`/api/v1/dossiers/${dossier.id}`)
      .auth(tokens.specialistB, { type: 'bearer' })
      .expect(200);
    expect(item.body).toMatchObject({
      unitCode: COMMUNE_B,
      receivingUnitCode: SERVICE_POINT,
      assigneeId: 'specialist-b',
      allowedActions: ['accept', 'transfer', 'withdraw'],
    });
    version = item.body.version;
    const queue = await request(routing.url)
      .get('/api/v1/work-items?assignee=me')
      .auth(tokens.specialistB, { type: 'bearer' })
      .expect(200);
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(dossier.id);
  });

  it('goes received → processing → supplement → processing → approved, with Kafka restarted midway', async () => {
    await act(tokens.specialistB, { action: 'accept' });
    await stopBroker(broker);
    await act(tokens.specialistB, { action: 'request-supplement', reason: 'Bổ sung hợp đồng thuê mặt bằng' });
    await startBroker(broker);
    // The desk where the citizen brings the supplement is the service point in commune A.
    await act(tokens.desk, { action: 'supplement-received' });
    await act(tokens.leaderB, { action: 'approve' });
    const again = await act(tokens.leaderB, { action: 'approve' }, 409);
    expect(again.body).toMatchObject({ state: 'awaiting-signature', allowedActions: [] });
    const stale = await request(routing.url)
      .post(`/api/v1/dossiers/${dossier.id}/actions`)
      .auth(tokens.leaderB, { type: 'bearer' })
      .send({ version: version - 1, action: 'stop', reason: 'x'.repeat(5) });
    expect(stale.status).toBe(409);
  });

  it('without a registered certificate the signature fails and the dossier goes back to processing, with the reason', async () => {
    await waitFor(
      async () => (await dossierView()).state === 'processing',
      75_000,
      'the failed signature to reach routing',
    );
    const history = await request(routing.url)
      .get(`/api/v1/dossiers/${dossier.id}/history`)
      .auth(tokens.leaderB, { type: 'bearer' })
      .expect(200);
    expect(history.body.items.at(-1)).toMatchObject({
      action: 'signature-failed',
      toStatus: 4,
      reason: expect.stringMatching(/no valid signing certificate .* leader-b/),
    });
    version = (await dossierView()).version;
  });

  it("is signed with the leader's registered key on approval, and done (9)", async () => {
    const admin = await tokenFor('province-admin', undefined, '46', 'admin');
    await registerOfficer(
      signature.service.url,
      admin,
      signature.pki.officers.get('leader-b')!,
      signature.pki,
      'leader-b',
      COMMUNE_B,
    );
    await act(tokens.leaderB, { action: 'approve' });
    await waitFor(async () => (await routingStatus(tokens.specialistB)) === 9, 75_000, 'the dossier done');
    const history = await request(routing.url)
      .get(`/api/v1/dossiers/${dossier.id}/history`)
      .auth(tokens.leaderB, { type: 'bearer' })
      .expect(200);
    const signed = history.body.items.at(-1);
    expect(signed).toMatchObject({ action: 'result-signed', toStatus: 9 });

    // The result: rendered, signed B-T by the leader, verifiable by anyone from the code on it.
    const verification = await request(signature.service.url).get(`/api/v1/public/results/${dossier.code}`).expect(200);
    expect(verification.body).toMatchObject({
      indication: 'TOTAL_PASSED',
      signatures: [{ level: 'B-T', signer: { commonName: 'Lê Thị Hoa' }, coversWholeDocument: true }],
    });
    expect(JSON.stringify(verification.body)).not.toMatch(/Trần Thị Bình|0912345678/);
    const pdf = await request(signature.service.url)
      .get(`/api/v1/documents/${signed.details.documentId}`)
      .auth(tokens.leaderB, { type: 'bearer' })
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    // The result names the applicant: the service point's desk that received it reads it too, commune A's officers do not.
    await request(signature.service.url)
      .get(`/api/v1/documents/${signed.details.documentId}`)
      .auth(tokens.desk, { type: 'bearer' })
      .expect(200);
    await request(signature.service.url)
      .get(`/api/v1/documents/${signed.details.documentId}`)
      .auth(tokens.specialistA, { type: 'bearer' })
      .expect(404);
    const work = mkdtempSync(join(tmpdir(), 'lifecycle-'));
    try {
      writeFileSync(join(work, 'result.pdf'), pdf.body);
      const pdfsig = execFileSync('pdfsig', [join(work, 'result.pdf')], { encoding: 'utf8' });
      expect(pdfsig).toMatch(/Signature Validation: Signature is Valid\./);
      expect(pdfsig).toMatch(/Total document signed/);
      // A decision of Kim Long's People's Committee, named as the reference data names it, signed by its leader.
      const text = execFileSync('pdftotext', [join(work, 'result.pdf'), '-'], { encoding: 'utf8' }).replace(
        /\s+/g,
        ' ',
      );
      for (const part of [dossier.code, 'UBND THÀNH PHỐ HUẾ', 'UBND PHƯỜNG KIM LONG', 'QUYẾT ĐỊNH', 'Lê Thị Hoa'])
        expect(text).toContain(part);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    version = (await dossierView()).version;
    await act(tokens.desk, { action: 'return-result', resultChannel: 'counter' });
  });

  it('shows the public look-up and the audit trail, each step once', async () => {
    const lookup = async () =>
      request(intake.url).get(`/api/v1/dossiers/${dossier.code}/status?phone=5678`).expect(200);
    await waitFor(async () => (await lookup()).body.status === 10, 30_000, 'intake to see the hand-over');
    const body = (await lookup()).body;
    expect(body.history.map((step: { to: number }) => step.to)).toEqual([2, 4, 5, 4, 4, 4, 4, 9, 10]); // approve, signature failed, approve again
    expect(JSON.stringify(body)).not.toMatch(/Bình|0912345678|046095001234|binh@/);
    await request(intake.url).get(`/api/v1/dossiers/${dossier.code}/status?phone=0000`).expect(404);

    const history = await request(routing.url)
      .get(`/api/v1/dossiers/${dossier.id}/history`)
      .auth(tokens.leaderB, { type: 'bearer' })
      .expect(200);
    expect(history.body.items.map((step: { action: string }) => step.action)).toEqual([
      'route',
      'accept',
      'request-supplement',
      'supplement-received',
      'approve',
      'signature-failed',
      'approve',
      'result-signed',
      'return-result',
    ]);
    expect(history.body.items[2]).toMatchObject({
      actorId: 'specialist-b',
      fromStatus: 4,
      toStatus: 5,
      reason: 'Bổ sung hợp đồng thuê mặt bằng',
    });
    const rows = await routing.database.dataSource.query('SELECT count(*)::int AS n FROM routed_dossiers');
    expect(rows[0].n).toBe(1);
  });

  it("never shows commune A's officers the dossier or the applicant", async () => {
    for (const token of [tokens.specialistA, tokens.leaderA]) {
      await request(routing.url).get(`/api/v1/dossiers/${dossier.id}`).auth(token, { type: 'bearer' }).expect(404);
      await request(routing.url)
        .get(`/api/v1/dossiers/${dossier.id}/history`)
        .auth(token, { type: 'bearer' })
        .expect(404);
      await request(routing.url)
        .post(`/api/v1/dossiers/${dossier.id}/actions`)
        .auth(token, { type: 'bearer' })
        .send({ version, action: 'stop', reason: 'không' })
        .expect(404);
      const queue = await request(routing.url).get('/api/v1/work-items').auth(token, { type: 'bearer' }).expect(200);
      expect(JSON.stringify(queue.body)).not.toContain(dossier.id);
      await request(intake.url).get(`/api/v1/dossiers/${dossier.code}`).auth(token, { type: 'bearer' }).expect(404);
      const search = await request(intake.url)
        .get(`/api/v1/dossiers?citizenId=${CITIZEN_ID}`)
        .auth(token, { type: 'bearer' })
        .expect(200);
      expect(search.body.items).toEqual([]);
    }
    const byDesk = await request(intake.url)
      .get(`/api/v1/dossiers?citizenId=${CITIZEN_ID}`)
      .auth(tokens.desk, { type: 'bearer' })
      .expect(200);
    expect(byDesk.body.items).toHaveLength(1);
    expect(byDesk.body.items[0].applicant.citizenId).toBe('*********234');
  });
});
