import { ManualClock } from '@onestop/platform';
import { applicantContactContentsSchema, TOPICS } from '@onestop/contracts';
import { EventDataKeys } from '@onestop/messaging';
import { readTopic, ServiceUnderTest, startServiceWithDatabase, tokenFor, tokenWithRoles } from '@onestop/testing';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { intakeSchema } from '../database/schema';
import { IntakeEnv } from '../intake.env';
import { intakeService } from '../service';

const PHU_XUAN = '19753';
const KIM_LONG = '19774';
const HANOI_COMMUNE = '00004'; // Ba Đình, Hà Nội: another province
const CITIZEN_ID = '046095007788';

const document = (type: string) => ({
  type,
  fileName: `${type}.pdf`,
  sha256: randomBytes(32).toString('hex'),
  size: 90_000,
});

function filing(overrides: Record<string, unknown> = {}) {
  return {
    procedureCode: 'HKD-DANGKY',
    receivingUnitCode: PHU_XUAN,
    channel: 'counter',
    applicant: {
      name: 'Lê Văn Cường',
      citizenId: CITIZEN_ID,
      phone: '0905123456',
      email: 'cuong@example.vn',
      address: { line: '9 Kim Long', communeCode: KIM_LONG },
    },
    documents: [document('registration-application')],
    ...overrides,
  };
}

/** Intake on its own against the real PostgreSQL, Redis and Kafka: filing, desk decisions, look-ups. */
describe('intake dossiers', () => {
  // Tuesday 24 November 2026, 09:00 in Huế.
  const clock = new ManualClock(new Date('2026-11-24T09:00:00+07:00'));
  let running: ServiceUnderTest<IntakeEnv>;
  const tokens: Record<string, string> = {};

  const file = (token: string, body: object, key?: string) => {
    const call = request(running.url).post('/api/v1/dossiers').auth(token, { type: 'bearer' });
    return (key ? call.set('Idempotency-Key', key) : call).send(body);
  };
  const count = async (table: string) =>
    Number((await running.database.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    running = await startServiceWithDatabase(intakeService, intakeSchema, {}, { clock });
    tokens.desk = await tokenFor('desk-officer', PHU_XUAN, '46', 'desk-phu-xuan');
    tokens.otherDesk = await tokenFor('desk-officer', KIM_LONG, '46', 'desk-kim-long');
    tokens.citizen = await tokenFor('citizen', undefined, '46', 'citizen-cuong');
    tokens.otherCitizen = await tokenFor('citizen', undefined, '46', 'citizen-other');
    tokens.leader = await tokenFor('province-leader', undefined, '46', 'leader-46');
  }, 60_000);

  afterAll(async () => {
    await running?.close();
  }, 30_000);

  it('receives a complete counter filing with the desk code, a daily sequence and the appointment date', async () => {
    const response = await file(tokens.desk, filing()).expect(201);
    expect(response.body).toMatchObject({
      code: `${PHU_XUAN}-261124-0001`,
      status: 2,
      appointmentDate: '2026-11-27',
      missingDocuments: [],
    });
    expect(response.body.receivedAt).toBe(clock.now().toISOString());
    expect(JSON.stringify(response.body)).not.toContain(CITIZEN_ID);

    const officer = await request(running.url)
      .get(`/api/v1/dossiers/${response.body.code}`)
      .auth(tokens.desk, { type: 'bearer' })
      .expect(200);
    expect(officer.body.applicant).toMatchObject({
      name: 'Lê Văn Cường',
      citizenId: '*********788',
      address: { communeCode: KIM_LONG },
    });
  });

  /** The personal data of a filing that must never be readable on the event bus. */
  const personalData = () => [CITIZEN_ID, filing().applicant.name, filing().applicant.phone, filing().applicant.email];
  const openContact = (event: { value: string }) => {
    const { type, payload } = JSON.parse(event.value);
    return running.app
      .get(EventDataKeys)
      .open(payload.applicant.contact, applicantContactContentsSchema, type, payload.dossierId);
  };

  it('stores the citizen ID number only encrypted, never puts it in an event, and seals the contact the events carry', async () => {
    const [row] = await running.database.dataSource.query(
      'SELECT id, citizen_id_ciphertext, citizen_id_index FROM dossiers LIMIT 1',
    );
    expect(row.citizen_id_ciphertext).not.toContain(CITIZEN_ID);
    expect(row.citizen_id_index).not.toContain(CITIZEN_ID);
    // What routing and the other services receive: DossierStatusChanged and DossierReceived.
    const events = await readTopic(
      TOPICS.dossier,
      (key) => key === row.id,
      (messages) => messages.length >= 2,
    );
    expect(events.map((event) => JSON.parse(event.value).type).sort()).toEqual([
      'DossierReceived',
      'DossierStatusChanged',
    ]);
    for (const event of events) for (const personal of personalData()) expect(event.value).not.toContain(personal);
    const received = events.find((event) => JSON.parse(event.value).type === 'DossierReceived')!;
    expect(JSON.parse(received.value).version).toBe(2);
    expect(openContact(received)).toEqual({
      name: filing().applicant.name,
      phone: filing().applicant.phone,
      email: filing().applicant.email,
    });
  });

  it('numbers 40 concurrent filings at one desk without a gap or a duplicate', async () => {
    const before = await count('dossiers');
    const responses = await Promise.all(Array.from({ length: 40 }, () => file(tokens.desk, filing())));
    for (const response of responses) expect(response.status).toBe(201);
    const numbers = responses.map((response) => Number(response.body.code.split('-')[2])).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 40 }, (_, index) => before + index + 1));
  }, 30_000);

  it('answers a retry with the same Idempotency-Key with the same dossier and creates nothing', async () => {
    const key = `retry-${randomBytes(6).toString('hex')}`;
    const body = filing();
    const first = await file(tokens.desk, body, key).expect(201);
    const before = await count('dossiers');
    const retries = await Promise.all(Array.from({ length: 5 }, () => file(tokens.desk, body, key)));
    for (const retry of retries) {
      expect(retry.status).toBe(201);
      expect(retry.body.id).toBe(first.body.id);
      expect(retry.headers['idempotent-replayed']).toBe('true');
    }
    const reused = await file(
      tokens.desk,
      filing({ procedureCode: 'CT-XACNHAN-CUTRU', documents: [document('residence-declaration')] }),
      key,
    ).expect(422);
    expect(reused.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
    expect(await count('dossiers')).toBe(before);
  }, 30_000);

  it('files the same key concurrently once', async () => {
    const key = `race-${randomBytes(6).toString('hex')}`;
    const before = await count('dossiers');
    const body = filing();
    const responses = await Promise.all(Array.from({ length: 8 }, () => file(tokens.desk, body, key)));
    for (const response of responses) expect(response.status).toBe(201);
    expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
    expect(await count('dossiers')).toBe(before + 1);
  }, 30_000);

  it('refuses an incomplete counter filing with the missing documents named (3), unless the desk accepts it with a reason', async () => {
    const refused = await file(
      tokens.desk,
      filing({ procedureCode: 'HT-KHAISINH', documents: [document('declaration-form')] }),
    ).expect(201);
    expect(refused.body).toMatchObject({
      status: 3,
      missingDocuments: ['birth-notice'],
      appointmentDate: null,
      receivedAt: null,
    });
    expect(refused.body.intakeNote).toContain('birth-notice');
    // The applicant is told why: the refusal carries the contact, sealed, and the reasons, never the citizen ID.
    const events = await readTopic(
      TOPICS.dossier,
      (key) => key === refused.body.id,
      (messages) => messages.length >= 2,
    );
    const refusal = events.find((event) => JSON.parse(event.value).type === 'DossierRefusedAtIntake')!;
    expect(JSON.parse(refusal.value).payload).toMatchObject({
      code: refused.body.code,
      reasons: refused.body.intakeNote,
    });
    expect(openContact(refusal)).toMatchObject({ phone: filing().applicant.phone });
    for (const personal of personalData()) expect(refusal.value).not.toContain(personal);

    const accepted = await file(
      tokens.desk,
      filing({
        procedureCode: 'HT-KHAISINH',
        documents: [document('declaration-form')],
        acceptIncomplete: { reason: 'Giấy chứng sinh bản chính nộp khi nhận kết quả' },
      }),
    ).expect(201);
    expect(accepted.body).toMatchObject({
      status: 2,
      missingDocuments: ['birth-notice'],
      intakeNote: 'Giấy chứng sinh bản chính nộp khi nhận kết quả',
    });
    // Birth registration is same-day: the appointment is today.
    expect(accepted.body.appointmentDate).toBe('2026-11-24');
  });

  it("keeps a citizen's online filing waiting (1) until the receiving desk receives or refuses it", async () => {
    const online = { ...filing({ channel: 'online' }) };
    const waiting = await file(tokens.citizen, online).expect(201);
    expect(waiting.body).toMatchObject({ status: 1, appointmentDate: null });

    const decide = (token: string, code: string, body: object) =>
      request(running.url).post(`/api/v1/dossiers/${code}/intake-decision`).auth(token, { type: 'bearer' }).send(body);
    await decide(tokens.otherDesk, waiting.body.code, { decision: 'receive' }).expect(404);
    const received = await decide(tokens.desk, waiting.body.code, { decision: 'receive' }).expect(200);
    expect(received.body).toMatchObject({ status: 2, appointmentDate: '2026-11-27' });
    const again = await decide(tokens.desk, waiting.body.code, {
      decision: 'refuse',
      reason: 'Hồ sơ không hợp lệ',
    }).expect(409);
    expect(again.body.detail).toContain('status 2');

    const another = await file(tokens.citizen, online).expect(201);
    const refusal = await decide(tokens.desk, another.body.code, { decision: 'refuse' }).expect(400);
    expect(new Set(refusal.body.errors.map((error: { field: string }) => error.field))).toEqual(new Set(['reason']));
    const refused = await decide(tokens.desk, another.body.code, {
      decision: 'refuse',
      reason: 'Sai thủ tục, đề nghị nộp thủ tục khác',
    }).expect(200);
    expect(refused.body).toMatchObject({ status: 3, intakeNote: 'Sai thủ tục, đề nghị nộp thủ tục khác' });
  });

  it('lets the applicant withdraw an online filing not yet received (7), and nobody else', async () => {
    const waiting = await file(tokens.citizen, filing({ channel: 'online' })).expect(201);
    const withdraw = (token: string, code: string) =>
      request(running.url)
        .post(`/api/v1/dossiers/${code}/withdrawal`)
        .auth(token, { type: 'bearer' })
        .send({ reason: 'Nộp nhầm thủ tục' });
    await withdraw(tokens.otherCitizen, waiting.body.code).expect(404);
    await withdraw(tokens.desk, waiting.body.code).expect(403);
    const withdrawn = await withdraw(tokens.citizen, waiting.body.code).expect(200);
    expect(withdrawn.body).toMatchObject({ status: 7, intakeNote: 'Nộp nhầm thủ tục' });
    await withdraw(tokens.citizen, waiting.body.code).expect(409);

    const status = await request(running.url)
      .get(`/api/v1/dossiers/${waiting.body.code}/status?phone=3456`)
      .expect(200);
    expect(status.body.history.map((step: { to: number }) => step.to)).toEqual([1, 7]);
  });

  it('answers the public look-up with status, appointment and public steps only, given the last four phone digits', async () => {
    const filed = await file(tokens.desk, filing()).expect(201);
    const status = await request(running.url).get(`/api/v1/dossiers/${filed.body.code}/status?phone=3456`).expect(200);
    expect(status.body).toEqual({
      code: filed.body.code,
      status: 2,
      appointmentDate: '2026-11-27',
      history: [{ from: null, to: 2, action: 'receive', at: clock.now().toISOString(), note: null }],
      rating: { canRate: false, rated: false, score: null },
    });
    const text = JSON.stringify(status.body);
    for (const personal of ['Lê Văn Cường', CITIZEN_ID, '0905123456', 'cuong@example.vn', 'Kim Long'])
      expect(text).not.toContain(personal);

    const wrongPhone = await request(running.url)
      .get(`/api/v1/dossiers/${filed.body.code}/status?phone=9999`)
      .expect(404);
    expect(wrongPhone.headers['content-type']).toMatch(/^application\/problem\+json/);
    const badPhone = await request(running.url).get(`/api/v1/dossiers/${filed.body.code}/status?phone=12`).expect(400);
    expect(badPhone.body.errors).toEqual([expect.objectContaining({ field: 'phone' })]);
  });

  it("finds a citizen's dossiers by ID number through the blind index, only within the caller's reach", async () => {
    const search = (token: string, citizenId: string) =>
      request(running.url).get('/api/v1/dossiers').query({ citizenId }).auth(token, { type: 'bearer' });
    const own = await search(tokens.desk, CITIZEN_ID).expect(200);
    expect(own.body.items.length).toBeGreaterThan(40);
    for (const item of own.body.items) expect(item.applicant.citizenId).toBe('*********788');
    expect((await search(tokens.leader, CITIZEN_ID).expect(200)).body.items).toHaveLength(own.body.items.length);
    expect((await search(tokens.otherDesk, CITIZEN_ID).expect(200)).body.items).toEqual([]);
    expect((await search(tokens.desk, '046095007789').expect(200)).body.items).toEqual([]);
    const invalid = await search(tokens.desk, '12345').expect(400);
    expect(invalid.body.errors).toEqual([expect.objectContaining({ field: 'citizenId' })]);
  });

  it("hides a dossier from another commune's desk and from other citizens", async () => {
    const filed = await file(tokens.desk, filing()).expect(201);
    await request(running.url)
      .get(`/api/v1/dossiers/${filed.body.code}`)
      .auth(tokens.otherDesk, { type: 'bearer' })
      .expect(404);
    await request(running.url)
      .get(`/api/v1/dossiers/${filed.body.code}`)
      .auth(tokens.otherCitizen, { type: 'bearer' })
      .expect(404);
    await request(running.url)
      .get(`/api/v1/dossiers/${filed.body.code}`)
      .auth(tokens.leader, { type: 'bearer' })
      .expect(200);
  });

  it('shows a dossier to no unit claim without an officer role, and to no claim of the unit under another province', async () => {
    const filed = await file(tokens.desk, filing()).expect(201);
    const read = (token: string) =>
      request(running.url).get(`/api/v1/dossiers/${filed.body.code}`).auth(token, { type: 'bearer' });
    for (const token of [
      await tokenWithRoles([], PHU_XUAN, '46', 'no-role'),
      await tokenWithRoles(['auditor'], PHU_XUAN, '46', 'unknown-role'),
      await tokenWithRoles(['citizen'], PHU_XUAN, '46', 'citizen-with-unit'),
      await tokenFor('desk-officer', PHU_XUAN, '01', 'desk-claiming-hue-under-hanoi'),
      await tokenFor('specialist', KIM_LONG, '01', 'specialist-claiming-hue-under-hanoi'),
      await tokenFor('province-admin', undefined, '01', 'admin-01'),
    ]) {
      const response = await read(token).expect(404);
      expect(JSON.stringify(response.body)).not.toContain('0905123456');
    }
    await read(tokens.desk).expect(200);
  });

  it('refuses a desk filing for another desk, and a matter of another province, changing nothing', async () => {
    const before = await count('dossiers');
    await file(tokens.otherDesk, filing()).expect(403);
    const foreign = await file(
      tokens.desk,
      filing({
        applicant: { ...filing().applicant, address: { line: '1 Phan Đình Phùng', communeCode: HANOI_COMMUNE } },
      }),
    ).expect(422);
    expect(foreign.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'applicant.address.communeCode' })]),
    );
    expect(await count('dossiers')).toBe(before);
  });

  it('counts a filing after the 15:00 cut-off from the next working day', async () => {
    // Friday 27 November 2026, 16:00: counting starts Monday 30 November 07:30; three working days end Wednesday 17:30.
    clock.set(new Date('2026-11-27T16:00:00+07:00'));
    const late = await file(tokens.desk, filing()).expect(201);
    expect(late.body.code).toBe(`${PHU_XUAN}-261127-0001`);
    expect(late.body.appointmentDate).toBe('2026-12-02');
  });
});
