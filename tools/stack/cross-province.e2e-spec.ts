import { ServiceName } from '@onestop/contracts';
import { registerOfficer, SignatureServiceUnderTest, startSignatureService } from '@onestop/digital-signature/testing';
import { PlatformEnv } from '@onestop/platform';
import { ServiceUnderTest, startServiceWithDatabase, tokenFor, waitFor } from '@onestop/testing';
import { randomBytes } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import request from 'supertest';
import { SERVICES } from './services';

const HUE = '46';
const PHU_XUAN = '19753'; // a ward of Huế: where Huế's resources live
const BA_DINH = '00004'; // a ward of Hà Nội (province 01): where the callers work

/** What a write operation is called with: Huế's resources in the path, a valid body. */
interface Case {
  label: string;
  params: () => Record<string, string>;
  body?: () => object;
  headers?: Record<string, string>;
  /** Where the service answers a body naming another province's resource as malformed (400), why. */
  malformedFor?: string;
  /**
   * Where the path names no province and the write acts on the caller's own province's version
   * (templates, calendar corrections), why: a success is then right, as long as Huế's is unchanged.
   */
  ownProvinceVersion?: string;
}

type Key = `${ServiceName} ${'POST' | 'PUT' | 'PATCH' | 'DELETE'} ${string}`;

/** Huế's resources, seeded through the services' own APIs and events. */
const hue: Record<string, string> = {};

/**
 * Every write operation that needs a token, keyed as its service's OpenAPI document names it. A
 * write operation the documents list and this table does not fails the coverage test: a new
 * endpoint gets its cross-province case when it is written.
 */
const CASES: Partial<Record<Key, Case[]>> = {
  // Filing is boundary-free (a Hà Nội desk files at its own desk for an applicant of anywhere), but
  // only at the caller's own desk: filing at Huế's desk is refused, which is what this case checks.
  'intake POST /api/v1/dossiers': [
    {
      label: "a counter filing at Huế's desk",
      params: () => ({}),
      headers: { 'Idempotency-Key': `cross-province-${randomBytes(4).toString('hex')}` },
      body: () => filing('counter'),
    },
  ],
  'intake POST /api/v1/dossiers/{code}/intake-decision': [
    { label: "Huế's online filing", params: () => ({ code: hue.onlineCode }), body: () => ({ decision: 'receive' }) },
  ],
  'intake POST /api/v1/dossiers/{code}/withdrawal': [
    {
      label: "Huế's online filing",
      params: () => ({ code: hue.onlineCode }),
      body: () => ({ reason: 'Nộp nhầm thủ tục' }),
    },
  ],
  'intake POST /api/v1/receiving-units/{unitCode}/calls': [
    { label: "Huế's queue", params: () => ({ unitCode: PHU_XUAN }), body: () => ({ counter: 'Quầy 3' }) },
  ],
  'intake PUT /api/v1/calendar/{year}': [
    {
      label: 'the working calendar Huế counts its deadlines on',
      ownProvinceVersion:
        "a correction is of the caller's province; Huế counts on the national days and its own corrections",
      params: () => ({ year: '2027' }),
      body: () => ({
        days: [
          {
            date: '2027-01-04',
            kind: 'holiday',
            name: { vi: 'Nghỉ bù', en: 'Compensatory day off' },
            basis: 'decision',
          },
        ],
        reason: 'Thông báo của Bộ Nội vụ về lịch nghỉ Tết 2027',
      }),
    },
  ],
  'routing PUT /api/v1/units/{unitCode}/officers/{subject}': [
    {
      label: "a Huế officer, re-registered in Huế's ward",
      params: () => ({ unitCode: PHU_XUAN, subject: 'officer-hue' }),
      body: () => ({ roles: ['specialist'], active: true }),
    },
    {
      label: "a Huế officer, moved into the caller's Hà Nội ward",
      params: () => ({ unitCode: BA_DINH, subject: 'officer-hue' }),
      body: () => ({ roles: ['specialist'], active: true }),
    },
  ],
  'routing POST /api/v1/dossiers/{id}/actions': [
    {
      label: "Huế's dossier in processing",
      params: () => ({ id: hue.dossierId }),
      body: () => ({ action: 'accept', version: Number(hue.dossierVersion) }),
    },
  ],
  'digital-signature POST /api/v1/certificates': [
    {
      label: "a certificate bound to a Huế ward for a Huế official's account",
      params: () => ({}),
      body: () => ({ userId: 'leader-hue', unitCode: PHU_XUAN, chainPem: hue.spareChainPem }),
    },
  ],
  'digital-signature POST /api/v1/certificates/{id}/revocation': [
    {
      label: "a Huế official's certificate",
      params: () => ({ id: hue.certificateId }),
      body: () => ({ reason: 'keyCompromise' }),
    },
  ],
  'digital-signature POST /api/v1/certificates/{id}/lock': [
    {
      label: "a Huế official's certificate",
      params: () => ({ id: hue.certificateId }),
      body: () => ({ reason: 'USB token reported lost' }),
    },
  ],
  'digital-signature POST /api/v1/certificates/{id}/unlock': [
    { label: "a Huế official's certificate", params: () => ({ id: hue.certificateId }) },
  ],
  'digital-signature POST /api/v1/signatures': [
    {
      label: "a Huế document with a Huế official's certificate",
      params: () => ({}),
      body: () => ({ documentId: hue.documentId, certificateId: hue.certificateId, level: 'B-B' }),
    },
    // Only the specialist holds it; for the others it is another's certificate, refused first.
    {
      label: "a Huế document with the Hà Nội specialist's own certificate",
      params: () => ({}),
      body: () => ({ documentId: hue.documentId, certificateId: hue.hanoiCertificateId, level: 'B-B' }),
    },
  ],
  'digital-signature POST /api/v1/signatures/preparations': [
    {
      label: "a Huế document with a Huế official's certificate",
      params: () => ({}),
      body: () => ({ documentId: hue.documentId, certificateId: hue.deviceCertificateId, level: 'B-B' }),
    },
  ],
  'digital-signature POST /api/v1/signatures/preparations/{id}/completion': [
    {
      label: "a Huế official's prepared signature",
      params: () => ({ id: hue.preparationId }),
      body: () => ({ signatures: [randomBytes(256).toString('base64')] }),
    },
  ],
  'notification POST /api/v1/deliveries/{id}/retry': [
    { label: "a delivery to Huế's applicant", params: () => ({ id: hue.deliveryId }) },
  ],
  'notification PUT /api/v1/templates/{kind}/{channel}/{locale}': [
    {
      label: "the template Huế's applicants receive",
      ownProvinceVersion: "the caller's province gets its own version beside Huế's and the national default",
      params: () => ({ kind: 'dossier-received', channel: 'email', locale: 'vi' }),
      body: () => ({
        subject: 'Đã tiếp nhận hồ sơ {{code}}',
        body: 'Hồ sơ {{code}} đã được tiếp nhận, hẹn trả {{appointmentDate}}',
      }),
    },
  ],
  'notification POST /api/v1/webhooks': [
    {
      label: "a subscription to a Huế ward's events",
      params: () => ({}),
      body: () => ({ tenantCode: PHU_XUAN, url: 'https://hooks.hanoi.example.vn/onestop' }),
    },
    {
      label: "a subscription to Huế's events",
      params: () => ({}),
      body: () => ({ tenantCode: HUE, url: 'https://hooks.hanoi.example.vn/onestop' }),
    },
  ],
  'notification DELETE /api/v1/webhooks/{id}': [{ label: "Huế's subscription", params: () => ({ id: hue.webhookId }) }],
  'notification POST /api/v1/inbox/{id}/read': [
    { label: "a Huế applicant's inbox message", params: () => ({ id: hue.inboxId }) },
  ],
  'task-monitoring POST /api/v1/tasks': [
    {
      label: 'a task for a Huế ward',
      params: () => ({}),
      body: () => ({
        title: 'Số hoá hồ sơ thủ tục hành chính',
        description: 'Số hoá 100% hồ sơ tiếp nhận',
        indicator: 'Tỷ lệ hồ sơ được số hoá',
        indicatorUnit: '%',
        targetValue: 100,
        dueDate: inDays(60),
        communeCodes: [PHU_XUAN],
      }),
      malformedFor: "another province's commune is a field problem of communeCodes (400), as an unknown one is",
    },
  ],
  'task-monitoring POST /api/v1/tasks/{id}/communes/{communeCode}/progress': [
    {
      label: "Huế's task, for a Huế ward",
      params: () => ({ id: hue.taskId, communeCode: PHU_XUAN }),
      body: () => ({ value: 45, comment: 'Đã số hoá 450/1000 hồ sơ' }),
    },
  ],
  'task-monitoring POST /api/v1/dossiers/{id}/apology': [
    {
      label: "Huế's late dossier",
      params: () => ({ id: hue.dossierId }),
      body: () => ({ reason: 'Cần xác minh thêm thông tin về thửa đất', newAppointmentDate: inDays(40) }),
    },
  ],
};

/**
 * Write operations a caller of any province may use, and why that reaches nothing of Huế's. Each
 * is still called by the matrix's callers only where it names no other province's resource.
 */
const OPEN: Partial<Record<Key, string>> = {
  'intake POST /api/v1/receiving-units/{unitCode}/tickets':
    "an online queue number is taken from home without a token, within the day's allowance; kiosk numbers need a desk officer of that unit",
  'intake POST /api/v1/dossiers/{code}/rating':
    "the applicant rates without a token, proven by the phone's last digits as in the status look-up (same wrong-try locks); once, after the hand-over",
  'digital-signature POST /api/v1/verifications': 'anyone may verify a signed PDF they hold; nothing is stored',
  'digital-signature POST /api/v1/tsa': 'the RFC 3161 time-stamping endpoint is public by design; it stamps a hash',
  'notification POST /api/v1/provider-callbacks/{provider}':
    "providers' delivery reports, without a token but signed with the provider secret",
  'notification POST /api/v1/templates/{kind}/{channel}/{locale}/preview':
    'renders a template with example values; writes nothing',
  'notification PUT /api/v1/preferences/me':
    "the caller's own notification preferences: no path or body names another person",
};

/** Province 01's officials: the matrix's callers. */
const CALLERS = [
  ['province-admin', undefined],
  ['province-leader', undefined],
  ['unit-leader', BA_DINH],
  ['specialist', BA_DINH],
  ['desk-officer', BA_DINH],
] as const;

/**
 * The statuses a refusal may have: never a success, never a server error, never a conflict that
 * tells Huế's state. 422 is a body naming what is not the caller's (a commune, a document of another
 * province); 400 would be a malformed body, which a case's body never is, so it is no refusal here.
 */
const REFUSALS = [403, 404, 422];

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

function filing(channel: 'counter' | 'online') {
  return {
    procedureCode: 'HKD-DANGKY',
    receivingUnitCode: PHU_XUAN,
    channel,
    applicant: {
      name: 'Hồ Thị Lan',
      citizenId: '046095001234',
      phone: '0905123456',
      email: 'lan@example.vn',
      address: { line: '12 Lê Lợi', communeCode: PHU_XUAN },
    },
    documents: [
      { type: 'registration-application', fileName: 'giay-de-nghi.pdf', sha256: 'a'.repeat(64), size: 120_000 },
    ],
  };
}

async function uploadPdf(): Promise<string> {
  const document = await PDFDocument.create();
  document.addPage().drawText('Bao cao', { x: 50, y: 700 });
  return Buffer.from(await document.save({ useObjectStreams: false })).toString('base64');
}

/**
 * Province 01's officials call every write operation of the six services on Huế's resources: each
 * is refused (403 or 404; 400 or 422 where the body cannot be valid for them) and Huế's state, read
 * back from each service's database, is unchanged.
 */
describe('cross-province matrix: Hà Nội officials on Huế resources', () => {
  jest.setTimeout(60_000);
  const running: Partial<Record<ServiceName, ServiceUnderTest<PlatformEnv>>> = {};
  let signature: SignatureServiceUnderTest;
  const documented = new Map<Key, { needsToken: boolean }>();
  const outcomes: string[] = [];

  const url = (service: ServiceName) => running[service]!.url;
  const query = (service: ServiceName, sql: string) => running[service]!.database.dataSource.query(sql);

  /**
   * What each service keeps of Huế, as it would change if a write went through. Rows that events of
   * other tests on the shared broker bring are left out: only what this test seeded, and whatever a
   * write could add (certificates, uploads, preparations, templates, webhooks, tasks).
   */
  const snapshot = async (): Promise<Record<string, unknown>> => ({
    intake: await query('intake', 'SELECT id, status, version FROM dossiers ORDER BY id'),
    calendar: await query('intake', 'SELECT * FROM calendar_days ORDER BY date'),
    calendarCorrections: await query(
      'intake',
      `SELECT * FROM calendar_corrections WHERE province_code = '${HUE}' ORDER BY date`,
    ),
    officers: await query('routing', 'SELECT subject, unit_code, roles, active FROM officers ORDER BY subject'),
    routed: await query(
      'routing',
      `SELECT id, state, status, version, unit_code, assignee_id FROM routed_dossiers WHERE id = '${hue.dossierId}'`,
    ),
    certificates: await query(
      'digital-signature',
      'SELECT id, user_id, unit_code, province_code, locked_at, revoked_at FROM certificates ORDER BY id',
    ),
    uploads: await query('digital-signature', 'SELECT id FROM documents WHERE dossier_id IS NULL ORDER BY id'),
    preparations: await query('digital-signature', 'SELECT id, completed_at FROM preparations ORDER BY id'),
    templates: await query(
      'notification',
      `SELECT * FROM templates WHERE province_code IS NULL OR province_code = '${HUE}' ORDER BY 1, 2, 3, 4`,
    ),
    webhooks: await query(
      'notification',
      'SELECT id, province_code, tenant_code, active FROM webhook_subscriptions ORDER BY id',
    ),
    deliveries: await query(
      'notification',
      `SELECT id, created_at FROM deliveries WHERE dossier_id = '${hue.dossierId}' ORDER BY id`,
    ),
    inbox: await query(
      'notification',
      `SELECT id, read_at FROM inbox_messages WHERE owner = 'citizen-hue' ORDER BY id`,
    ),
    tasks: await query('task-monitoring', 'SELECT id, province_code FROM tasks ORDER BY id'),
    progress: await query('task-monitoring', 'SELECT id FROM task_progress_reports ORDER BY id'),
    clocks: await query(
      'task-monitoring',
      `SELECT dossier_id, due_at, deadline_version FROM dossier_clocks WHERE dossier_id = '${hue.dossierId}'`,
    ),
    apologies: await query('task-monitoring', `SELECT id FROM apologies WHERE dossier_id = '${hue.dossierId}'`),
  });

  beforeAll(async () => {
    // Started after the services, so only this test's own events reach them.
    const kafka = { KAFKA_CONSUMER_START: 'latest' };
    const started = await Promise.all(
      (['intake', 'routing', 'notification', 'reporting', 'task-monitoring'] as const).map(
        async (name) =>
          [name, await startServiceWithDatabase(SERVICES[name].definition, SERVICES[name].schema, kafka)] as const,
      ),
    );
    for (const [name, service] of started) running[name] = service;
    signature = await startSignatureService(
      [
        { id: 'leader-hue', name: 'Trần Thị Bình', unitCode: PHU_XUAN },
        { id: 'device-hue', name: 'Lê Văn Cường', unitCode: PHU_XUAN },
        { id: 'spare', name: 'Phan Văn Đức', unitCode: BA_DINH },
        { id: 'unregistered', name: 'Ngô Thị Mai', unitCode: PHU_XUAN },
      ],
      kafka,
    );
    running['digital-signature'] = signature.service;

    for (const [service] of Object.entries(SERVICES) as [ServiceName, unknown][]) {
      const document = (await request(url(service)).get('/docs-json').expect(200)).body as {
        paths: Record<string, Record<string, unknown>>;
      };
      for (const [path, operations] of Object.entries(document.paths)) {
        for (const method of Object.keys(operations).map((m) => m.toUpperCase())) {
          if (!['POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) continue;
          // Whether it needs a token is asked of the service itself: without one, 401.
          const concrete = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
          const anonymous = await request(url(service))[method.toLowerCase() as 'post'](concrete).send({});
          documented.set(`${service} ${method} ${path}` as Key, { needsToken: anonymous.status === 401 });
        }
      }
    }

    const admin = await tokenFor('province-admin', undefined, HUE, 'admin-hue');
    const desk = await tokenFor('desk-officer', PHU_XUAN, HUE, 'desk-hue');
    const citizen = await tokenFor('citizen', undefined, undefined, 'citizen-hue');

    // Intake: one online filing waiting for the desk, one the desk received (it travels on to the others).
    const online = await request(url('intake'))
      .post('/api/v1/dossiers')
      .auth(citizen, { type: 'bearer' })
      .send(filing('online'))
      .expect(201);
    hue.onlineCode = online.body.code;
    const received = await request(url('intake'))
      .post('/api/v1/dossiers')
      .auth(citizen, { type: 'bearer' })
      .send(filing('online'))
      .expect(201);
    await request(url('routing'))
      .put(`/api/v1/units/${PHU_XUAN}/officers/officer-hue`)
      .auth(admin, { type: 'bearer' })
      .send({ roles: ['specialist'], active: true })
      .expect(200);
    await request(url('intake'))
      .post(`/api/v1/dossiers/${received.body.code}/intake-decision`)
      .auth(desk, { type: 'bearer' })
      .send({ decision: 'receive' })
      .expect(200);
    hue.dossierId = received.body.id;

    // Digital signature: a server-held and a device certificate, a signed document, a prepared signature.
    const officers = signature.pki.officers;
    hue.certificateId = (
      await registerOfficer(
        url('digital-signature'),
        admin,
        officers.get('leader-hue')!,
        signature.pki,
        'leader-hue',
        PHU_XUAN,
      )
    ).id;
    hue.deviceCertificateId = (
      await registerOfficer(
        url('digital-signature'),
        admin,
        officers.get('device-hue')!,
        signature.pki,
        'device-hue',
        PHU_XUAN,
        true,
      )
    ).id;
    hue.spareChainPem = officers.get('unregistered')!.certificate.pem + signature.pki.issuing.certificate.pem;
    const hanoiAdmin = await tokenFor('province-admin', undefined, '01', 'admin-hanoi');
    hue.hanoiCertificateId = (
      await registerOfficer(
        url('digital-signature'),
        hanoiAdmin,
        officers.get('spare')!,
        signature.pki,
        'specialist-hanoi',
        BA_DINH,
      )
    ).id;
    const leader = await tokenFor('unit-leader', PHU_XUAN, HUE, 'leader-hue');
    const signed = await request(url('digital-signature'))
      .post('/api/v1/signatures')
      .auth(leader, { type: 'bearer' })
      .send({ document: await uploadPdf(), certificateId: hue.certificateId, level: 'B-B' })
      .expect(201);
    hue.documentId = signed.body.documentId;
    const deviceHolder = await tokenFor('unit-leader', PHU_XUAN, HUE, 'device-hue');
    const prepared = await request(url('digital-signature'))
      .post('/api/v1/signatures/preparations')
      .auth(deviceHolder, { type: 'bearer' })
      .send({ documentId: hue.documentId, certificateId: hue.deviceCertificateId, level: 'B-B' })
      .expect(201);
    hue.preparationId = (await query('digital-signature', 'SELECT id FROM preparations'))[0].id;
    expect(prepared.body).toBeDefined();

    // Notification: Huế's webhook; the received dossier's deliveries and inbox message.
    const webhook = await request(url('notification'))
      .post('/api/v1/webhooks')
      .auth(admin, { type: 'bearer' })
      .send({ tenantCode: PHU_XUAN, url: 'https://phuxuan.hue.gov.vn/hooks/onestop' })
      .expect(201);
    hue.webhookId = webhook.body.id;

    // Task monitoring: a task for the ward.
    const task = await request(url('task-monitoring'))
      .post('/api/v1/tasks')
      .auth(admin, { type: 'bearer' })
      .send({
        title: 'Số hoá hồ sơ',
        description: 'Số hoá 100% hồ sơ',
        indicator: 'Tỷ lệ số hoá',
        indicatorUnit: '%',
        targetValue: 100,
        dueDate: inDays(60),
        communeCodes: [PHU_XUAN],
      })
      .expect(201);
    hue.taskId = task.body.id;

    // The received dossier reaches routing, notification and task monitoring over Kafka.
    await waitFor(
      async () => (await query('routing', `SELECT 1 FROM routed_dossiers WHERE id = '${hue.dossierId}'`)).length === 1,
      30_000,
      'the dossier routed',
    );
    await waitFor(
      async () =>
        (await query('task-monitoring', `SELECT 1 FROM dossier_clocks WHERE dossier_id = '${hue.dossierId}'`))
          .length === 1,
      30_000,
      'its clock',
    );
    await waitFor(
      async () => (await query('notification', 'SELECT 1 FROM inbox_messages')).length > 0,
      30_000,
      "the applicant's inbox message",
    );
    hue.dossierVersion = String(
      (await query('routing', `SELECT version FROM routed_dossiers WHERE id = '${hue.dossierId}'`))[0].version,
    );
    hue.deliveryId = (await query('notification', 'SELECT id FROM deliveries ORDER BY id LIMIT 1'))[0].id;
    hue.inboxId = (await query('notification', 'SELECT id FROM inbox_messages ORDER BY id LIMIT 1'))[0].id;
    // Whatever the seeding set going settles before the first case reads Huế's state.
    let last = JSON.stringify(await snapshot());
    await waitFor(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        const now = JSON.stringify(await snapshot());
        const settled = now === last;
        last = now;
        return settled;
      },
      30_000,
      "Huế's state settled",
    );
  }, 240_000);

  afterAll(async () => {
    if (process.env['CROSS_PROVINCE_REPORT']) console.log(outcomes.join('\n'));
    await Promise.all(
      Object.entries(running)
        .filter(([name]) => name !== 'digital-signature')
        .map(([, service]) => service.close()),
    );
    await signature?.close();
  }, 60_000);

  it('has a case, or a reason to be open, for every write operation the OpenAPI documents list', () => {
    const tokenWrites = [...documented].filter(([, { needsToken }]) => needsToken).map(([key]) => key);
    const publicWrites = [...documented].filter(([, { needsToken }]) => !needsToken).map(([key]) => key);
    expect(tokenWrites.filter((key) => !CASES[key] && !OPEN[key])).toEqual([]);
    // A write operation without a token is a decision to state here, not a default.
    expect(publicWrites.filter((key) => !OPEN[key])).toEqual([]);
    // Nor may the table keep cases of operations that are gone.
    expect([...Object.keys(CASES), ...Object.keys(OPEN)].filter((key) => !documented.has(key as Key))).toEqual([]);
  });

  const matrix = (Object.entries(CASES) as [Key, Case[]][]).flatMap(([key, cases]) =>
    cases.flatMap((testCase) =>
      CALLERS.map(([role, unit]) => ({
        key,
        testCase,
        role,
        unit,
        name: `${key} on ${testCase.label}, as a ${role} of Hà Nội`,
      })),
    ),
  );

  it.each(matrix)(
    "$name: refused (or the caller's own version), Huế unchanged",
    async ({ key, testCase, role, unit }) => {
      const [service, method, path] = key.split(' ') as [ServiceName, string, string];
      const params = testCase.params();
      const concrete = path.replace(/\{([^}]+)\}/g, (_, name: string) => {
        if (!params[name]) throw new Error(`the case names no ${name} for ${key}`);
        return encodeURIComponent(params[name]);
      });
      const token = await tokenFor(role, unit, '01', `${role}-hanoi`);
      const before = await snapshot();
      let call = request(url(service))[method.toLowerCase() as 'post'](concrete).auth(token, { type: 'bearer' });
      for (const [name, value] of Object.entries(testCase.headers ?? {})) call = call.set(name, value);
      const response = await call.send(testCase.body?.() ?? {});
      outcomes.push(`${response.status} ${key} | ${testCase.label} | ${role}`);
      const refusals = testCase.malformedFor ? [...REFUSALS, 400] : REFUSALS;
      const accepted = testCase.ownProvinceVersion !== undefined && response.status >= 200 && response.status < 300;
      expect(
        refusals.includes(response.status) || accepted
          ? 'refused or own version'
          : `${response.status} ${JSON.stringify(response.body)}`,
      ).toBe('refused or own version');
      expect(await snapshot()).toEqual(before);
    },
  );
});
