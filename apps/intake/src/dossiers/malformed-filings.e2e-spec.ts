import { ManualClock } from '@onestop/platform';
import { ServiceUnderTest, startServiceWithDatabase, tokenFor } from '@onestop/testing';
import request from 'supertest';
import { intakeSchema } from '../database/schema';
import { IntakeEnv } from '../intake.env';
import { intakeService } from '../service';

const DESK_UNIT = '19753';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Malformed {
  name: string;
  body: Json;
  /** The field the answer must name (or a field under it). */
  field: string;
  status: 400 | 403 | 422;
  idempotencyKey?: string;
  /** Filed online by a citizen, who may file at any unit, rather than by the desk. */
  byCitizen?: boolean;
}

const validFiling = (): { [key: string]: Json } => ({
  procedureCode: 'HT-KHAISINH',
  receivingUnitCode: DESK_UNIT,
  channel: 'counter',
  applicant: {
    name: 'Phạm Thị Dung',
    citizenId: '046190004321',
    phone: '0935123456',
    email: 'dung@example.vn',
    address: { line: '3 Đặng Thái Thân', communeCode: '19774' },
  },
  subjectCommuneCode: '19774',
  documents: [
    { type: 'declaration-form', fileName: 'to-khai.pdf', sha256: 'c'.repeat(64), size: 40_000 },
    { type: 'birth-notice', fileName: 'giay-chung-sinh.pdf', sha256: 'd'.repeat(64), size: 80_000 },
  ],
  acceptIncomplete: { reason: 'Bổ sung bản chính khi nhận kết quả' },
});

/** A copy of the valid filing with the value at `path` replaced (or removed, for `undefined`). */
function withValue(path: string, value: Json | undefined): Json {
  const body = validFiling();
  const keys = path.split('.');
  let parent = body as { [key: string]: Json };
  for (const key of keys.slice(0, -1)) parent = parent[key] as { [key: string]: Json };
  const last = keys[keys.length - 1];
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return body;
}

const OPTIONAL = new Set(['applicant.email', 'subjectCommuneCode', 'acceptIncomplete']);
const OBJECTS = new Set(['applicant', 'applicant.address', 'documents.0', 'acceptIncomplete']);
const FIELDS = [
  'procedureCode',
  'receivingUnitCode',
  'channel',
  'applicant',
  'applicant.name',
  'applicant.citizenId',
  'applicant.phone',
  'applicant.email',
  'applicant.address',
  'applicant.address.line',
  'applicant.address.communeCode',
  'subjectCommuneCode',
  'documents',
  'documents.0',
  'documents.0.type',
  'documents.0.fileName',
  'documents.0.sha256',
  'documents.0.size',
  'acceptIncomplete',
  'acceptIncomplete.reason',
];

/** Wrong types, missing fields and oversize strings, for every field of the filing. */
function shapeMutations(): Malformed[] {
  const cases: Malformed[] = [];
  for (const field of FIELDS) {
    const wrong: [string, Json | undefined][] = [
      // An optional field may be null: it means absent.
      ...(OPTIONAL.has(field) ? [] : [['null', null] as [string, Json]]),
      field === 'documents.0.size' ? ['a string', '40000'] : ['a number', 42],
      ['a boolean', true],
      ['an array', field === 'documents' ? ['declaration-form'] : []],
      ['an oversize string', 'x'.repeat(20_000)],
      [OBJECTS.has(field) ? 'a string' : 'an object', OBJECTS.has(field) ? 'declaration-form' : { value: 'x' }],
    ];
    if (!OPTIONAL.has(field)) wrong.push(['missing', undefined]);
    if (!OBJECTS.has(field) && field !== 'documents' && field !== 'documents.0.size') wrong.push(['empty', '']);
    for (const [what, value] of wrong)
      cases.push({ name: `${field} ${what}`, body: withValue(field, value), field, status: 400 });
  }
  return cases;
}

function shortForm(value: Json): string {
  const text = JSON.stringify(value);
  return text.length <= 40 ? text : `${text.slice(0, 20)}… (${text.length} characters)`;
}

/** The same filing made online by a citizen, who may file at any unit of the province. */
function online(malformed: Malformed): Malformed {
  const body: { [key: string]: Json } = { ...(malformed.body as { [key: string]: Json }), channel: 'online' };
  delete body['acceptIncomplete'];
  return { ...malformed, body, byCitizen: true };
}

/** Values of the right type that break a format or a rule. */
function valueMutations(): Malformed[] {
  const bad = (field: string, values: Json[], status: 400 | 422 = 400, expectedField = field): Malformed[] =>
    values.map((value) => ({
      name: `${field} = ${shortForm(value)}`,
      body: withValue(field, value),
      field: expectedField,
      status,
    }));
  return [
    ...bad('applicant.citizenId', [
      '04619000432',
      '0461900043210',
      '04619000432a',
      '046 190 004 321',
      '999190004321',
      '000190004321',
      '-46190004321',
      '046190004321\n',
      '０４６１９０００４３２１',
      '1e11',
      46190004321,
      '046-190-004321',
    ]),
    ...bad('applicant.phone', ['12345', '0135123456', '+1 202 555 0100', '09351234567', '093512345a', 'phone']),
    ...bad('applicant.email', ['dung', 'dung@', '@example.vn', 'dung@@example.vn', `${'a'.repeat(260)}@example.vn`]),
    ...bad('applicant.name', ['', 'N'.repeat(201)]),
    ...bad('applicant.address.line', ['', 'L'.repeat(301)]),
    ...bad('procedureCode', ['ht-khaisinh', 'HT KHAISINH', 'HT', 'H'.repeat(33), "HT-KHAISINH';--"]),
    ...bad('procedureCode', ['XX-UNKNOWN', 'HT-KHAISINH-2'], 422),
    ...bad('receivingUnitCode', ['abc', '19753;DROP', '1', 'A'.repeat(21), '19753 ']),
    ...bad('receivingUnitCode', ['99999', '46.NOTADEPT', '00004'], 422).map(online),
    ...bad('channel', ['fax', 'ONLINE', 'Counter']),
    // A desk files counter and postal dossiers; online ones come from citizens.
    ...bad('channel', ['online'], 422),
    ...bad('applicant.address.communeCode', ['x', 'abc.def', '19774\n']),
    ...bad('applicant.address.communeCode', ['99998', '46', '1975', '19753.BD9'], 422),
    ...bad('subjectCommuneCode', ['99998', '46', '00004'], 422),
    ...bad('documents.0.type', ['Declaration Form', 'declaration_form', 'a', 'x'.repeat(65)]),
    ...bad('documents.0.type', ['land-certificate', 'marriage-certificate'], 422),
    ...bad('documents.0.sha256', ['C'.repeat(64), 'c'.repeat(63), 'c'.repeat(65), 'g'.repeat(64), '']),
    ...bad('documents.0.size', [0, -1, 1.5, 50 * 1024 * 1024 + 1, '40000', Number.MAX_SAFE_INTEGER]),
    ...bad('documents.0.fileName', ['', 'f'.repeat(256)]),
    ...bad('documents', [
      Array.from({ length: 51 }, () => ({
        type: 'declaration-form',
        fileName: 'a.pdf',
        sha256: 'c'.repeat(64),
        size: 1,
      })),
    ]),
    ...bad('acceptIncomplete.reason', ['', 'ok', 'r'.repeat(501)]),
  ];
}

/** Whole bodies that are not a filing at all, and unknown fields. */
function bodyMutations(): Malformed[] {
  const extra = (path: string, key: string): Malformed => {
    const body = validFiling();
    let target = body as { [key: string]: Json };
    for (const part of path ? path.split('.') : []) target = target[part] as { [key: string]: Json };
    target[key] = 'x';
    return {
      name: `unknown field ${path ? `${path}.` : ''}${key}`,
      body,
      field: path ? `${path}.${key}` : key,
      status: 400,
    };
  };
  return [
    { name: 'an empty object', body: {}, field: 'procedureCode', status: 400 },
    { name: 'an array', body: [validFiling()], field: 'procedureCode', status: 400 },
    extra('', 'status'),
    extra('', 'code'),
    extra('', '__proto__x'),
    extra('applicant', 'citizenIdIndex'),
    extra('applicant.address', 'province'),
    extra('documents.0', 'url'),
    { name: 'another desk', body: withValue('receivingUnitCode', '19774'), field: 'receivingUnitCode', status: 403 },
    {
      name: 'a reused idempotency key shape',
      body: validFiling(),
      field: 'Idempotency-Key',
      status: 400,
      idempotencyKey: 'short',
    },
    {
      name: 'an idempotency key with spaces',
      body: validFiling(),
      field: 'Idempotency-Key',
      status: 400,
      idempotencyKey: 'has spaces in it',
    },
    {
      name: 'an idempotency key too long',
      body: validFiling(),
      field: 'Idempotency-Key',
      status: 400,
      idempotencyKey: 'k'.repeat(101),
    },
  ];
}

const TABLES = ['dossiers', 'dossier_code_sequences', 'dossier_public_history', 'messaging_outbox'];

/**
 * Hundreds of generated malformed filings: each gets 400 or 422 as problem+json naming the field,
 * never a 5xx, and none of them leaves a row anywhere.
 */
describe('malformed filings', () => {
  const clock = new ManualClock(new Date('2026-11-24T09:00:00+07:00'));
  let running: ServiceUnderTest<IntakeEnv>;
  let desk: string;
  let citizen: string;
  const cases = [...shapeMutations(), ...valueMutations(), ...bodyMutations()];

  const rowCounts = async () =>
    Object.fromEntries(
      await Promise.all(
        TABLES.map(async (table) => [
          table,
          Number((await running.database.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n),
        ]),
      ),
    );

  beforeAll(async () => {
    running = await startServiceWithDatabase(intakeService, intakeSchema, {}, { clock });
    desk = await tokenFor('desk-officer', DESK_UNIT, '46', 'desk-malformed');
    citizen = await tokenFor('citizen', undefined, '46', 'citizen-malformed');
  }, 60_000);

  afterAll(async () => {
    await running?.close();
  }, 30_000);

  it('generates at least 200 distinct malformed bodies', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(new Set(cases.map((malformed) => malformed.name)).size).toBe(cases.length);
  });

  it('answers each with 400/422 problem+json naming the field, and stores nothing', async () => {
    const before = await rowCounts();
    const outcomes: string[] = [];
    for (const malformed of cases) {
      const call = request(running.url)
        .post('/api/v1/dossiers')
        .auth(malformed.byCitizen ? citizen : desk, { type: 'bearer' });
      const response = await (
        malformed.idempotencyKey ? call.set('Idempotency-Key', malformed.idempotencyKey) : call
      ).send(malformed.body as object);
      const fields: string[] = (response.body.errors ?? []).map((error: { field: string }) => error.field);
      // An element's problem may be named by its list ("each value in documents must be an object").
      const names = [malformed.field, malformed.field.replace(/\.\d+$/, '')];
      const named = fields.some((field) => names.includes(field) || field.startsWith(`${malformed.field}.`));
      const problemJson = /^application\/problem\+json/.test(response.headers['content-type'] ?? '');
      // Every field problem carries a code the web application can translate.
      const coded = (response.body.errors ?? []).every(
        (error: { code?: unknown }) => typeof error.code === 'string' && /^[a-z][A-Za-z]+$/.test(error.code),
      );
      if (response.status !== malformed.status || !named || !problemJson || !coded) {
        outcomes.push(
          `${malformed.name}: ${response.status} ${response.headers['content-type']} fields=${JSON.stringify(fields)}`,
        );
      }
    }
    expect(outcomes).toEqual([]);
    expect(await rowCounts()).toEqual(before);
  }, 120_000);

  it('names each wrong field with the failed constraint and its values, for the browser to say in Vietnamese or English', async () => {
    const body = validFiling() as { [key: string]: { [key: string]: Json } };
    const response = await request(running.url)
      .post('/api/v1/dossiers')
      .auth(desk, { type: 'bearer' })
      .send({
        ...body,
        channel: 'fax',
        applicant: { ...body['applicant'], name: 'x'.repeat(201), phone: '12345' },
        note: 'gọi lại',
      })
      .expect(400);
    expect(response.body.type).toBe('https://onestop.gov.vn/problems/bad-request/validation');
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        {
          field: 'channel',
          code: 'isIn',
          message: expect.any(String),
          params: { allowed: ['online', 'counter', 'postal'] },
        },
        { field: 'applicant.name', code: 'isLength', message: expect.any(String), params: { min: 1, max: 200 } },
        {
          field: 'applicant.phone',
          code: 'matches',
          message: 'must be a Vietnamese mobile number such as 0912345678',
          params: { pattern: expect.any(String) },
        },
        { field: 'note', code: 'whitelistValidation', message: expect.any(String) },
      ]),
    );
  });

  it('refuses bodies that are not JSON, changing nothing', async () => {
    const before = await rowCounts();
    for (const raw of ['{"procedureCode": "HT-KHAISINH",', 'not json', '{"procedureCode": "HT-KHAISINH"}}']) {
      const response = await request(running.url)
        .post('/api/v1/dossiers')
        .auth(desk, { type: 'bearer' })
        .set('Content-Type', 'application/json')
        .send(raw);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const huge = JSON.stringify({ ...validFiling(), note: 'x'.repeat(2 * 1024 * 1024) });
    const tooLarge = await request(running.url)
      .post('/api/v1/dossiers')
      .auth(desk, { type: 'bearer' })
      .set('Content-Type', 'application/json')
      .send(huge);
    expect(tooLarge.status).toBe(413);
    expect(await rowCounts()).toEqual(before);
  });

  it('still files the valid body the mutations came from', async () => {
    const response = await request(running.url)
      .post('/api/v1/dossiers')
      .auth(desk, { type: 'bearer' })
      .send(validFiling())
      .expect(201);
    expect(response.body.status).toBe(2);
  });
});
