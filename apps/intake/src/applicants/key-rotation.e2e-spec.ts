import { BackgroundStart, ManualClock } from '@onestop/platform';
import { createTestDatabase, RunningService, startTestService, TestDatabase, tokenFor } from '@onestop/testing';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import request from 'supertest';
import { intakeSchema } from '../database/schema';
import { IntakeEnv } from '../intake.env';
import { intakeService } from '../service';
import { CitizenIdCipher } from './citizen-id.cipher';
import { CitizenIdRotation } from './citizen-id-rotation';

const ROOT = join(__dirname, '../../../..');
const PHU_XUAN = '19753';
const KIM_LONG = '19774';
// Two dossiers of the first applicant, one each of the others: a search must find both of hers.
const CITIZEN_IDS = [
  '046095007701',
  '046095007701',
  '046095007702',
  '038188000103',
  '079201000104',
  '001099000105',
  '046095007706',
];

const key = () => randomBytes(32).toString('base64');
const [personalV1, personalV2, indexV1, indexV2] = [key(), key(), key(), key()];
const KEYS_V1 = { PERSONAL_DATA_KEY: personalV1, BLIND_INDEX_KEY: indexV1 };
const KEYS_ROTATING = {
  PERSONAL_DATA_KEY: `v2:${personalV2},v1:${personalV1}`,
  BLIND_INDEX_KEY: `v2:${indexV2},v1:${indexV1}`,
};
const KEYS_V2 = { PERSONAL_DATA_KEY: `v2:${personalV2}`, BLIND_INDEX_KEY: `v2:${indexV2}` };

const filing = (citizenId: string) => ({
  procedureCode: 'HKD-DANGKY',
  receivingUnitCode: PHU_XUAN,
  channel: 'counter',
  applicant: {
    name: 'Phạm Thị Dung',
    citizenId,
    phone: '0905123456',
    address: { line: '12 Kim Long', communeCode: KIM_LONG },
  },
  documents: [
    { type: 'registration-application', fileName: 'a.pdf', sha256: randomBytes(32).toString('hex'), size: 90_000 },
  ],
});

/** `npm run keys:rotate -- --service intake`, as an operator runs it, with the settings intake runs with. */
const rotateKeys = (databaseUrl: string, keys: Record<string, string>, batchSize: number) =>
  promisify(execFile)(
    process.execPath,
    ['-r', './tools/ts-register.js', 'tools/keys-rotate.ts', '--service', 'intake', '--batch-size', String(batchSize)],
    {
      cwd: ROOT,
      env: { PATH: process.env['PATH'] ?? '', NODE_ENV: 'test', LOG_LEVEL: 'warn', DATABASE_URL: databaseUrl, ...keys },
      timeout: 60_000,
    },
  );

/** Intake's citizen ID keys rotated with data: old dossiers stay readable and findable before, during and after the re-encryption. */
describe('rotating PERSONAL_DATA_KEY and BLIND_INDEX_KEY', () => {
  const clock = new ManualClock(new Date('2026-11-24T09:00:00+07:00'));
  const groupId = `intake-test-${randomBytes(4).toString('hex')}`;
  let database: TestDatabase;
  let running: RunningService<IntakeEnv> | undefined;
  let desk: string;
  const filed: { code: string; citizenId: string }[] = [];

  const start = async (keys: Record<string, string>) => {
    await running?.close();
    running = await startTestService(
      intakeService,
      { DATABASE_URL: database.url, KAFKA_GROUP_ID: groupId, ...keys },
      { clock },
    );
    await running.app.get(BackgroundStart, { strict: false }).whenStarted();
    return running.url;
  };
  const file = async (url: string, citizenId: string) => {
    const response = await request(url)
      .post('/api/v1/dossiers')
      .auth(desk, { type: 'bearer' })
      .send(filing(citizenId))
      .expect(201);
    filed.push({ code: response.body.code, citizenId });
  };
  /** Every page of the search: an applicant filing all through the rotation has more dossiers than one page holds. */
  const search = async (url: string, citizenId: string) => {
    const codes: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (
        await request(url)
          .get('/api/v1/dossiers')
          .query(cursor ? { citizenId, cursor } : { citizenId })
          .auth(desk, { type: 'bearer' })
          .expect(200)
      ).body as { items: { code: string }[]; nextCursor: string | null };
      codes.push(...page.items.map((item) => item.code));
      cursor = page.nextCursor;
    } while (cursor);
    return codes.sort();
  };
  const codesOf = (citizenId: string) =>
    filed
      .filter((dossier) => dossier.citizenId === citizenId)
      .map((dossier) => dossier.code)
      .sort();
  /** Every dossier reads (the officer view decrypts its citizen ID) and is found by its citizen ID. */
  const expectAllReadAndFound = async (url: string) => {
    for (const dossier of filed) {
      const officer = await request(url)
        .get(`/api/v1/dossiers/${dossier.code}`)
        .auth(desk, { type: 'bearer' })
        .expect(200);
      expect(officer.body.applicant.citizenId).toBe(`*********${dossier.citizenId.slice(-3)}`);
    }
    for (const citizenId of new Set(filed.map((dossier) => dossier.citizenId)))
      expect(await search(url, citizenId)).toEqual(codesOf(citizenId));
  };
  const keyColumns = async () =>
    (await database.dataSource.query(
      `SELECT code, split_part(citizen_id_ciphertext, ':', 1) AS "personalKey", citizen_id_index_key AS "indexKey", citizen_id_ciphertext AS ciphertext, citizen_id_index AS index
         FROM dossiers ORDER BY code`,
    )) as { code: string; personalKey: string; indexKey: string; ciphertext: string; index: string }[];

  beforeAll(async () => {
    database = await createTestDatabase('intake-keys', intakeSchema);
    desk = await tokenFor('desk-officer', PHU_XUAN, '46', 'desk-phu-xuan');
  });

  afterAll(async () => {
    await running?.close();
    await database?.drop();
  });

  it('files dossiers under the single keys, stored as key v1', async () => {
    const url = await start(KEYS_V1);
    for (const citizenId of CITIZEN_IDS) await file(url, citizenId);
    const columns = await keyColumns();
    expect(columns).toHaveLength(CITIZEN_IDS.length);
    expect(new Set(columns.map((row) => `${row.personalKey}/${row.indexKey}`))).toEqual(new Set(['v1/v1']));
    await expectAllReadAndFound(url);
  });

  it('with the new keys in front, reads and finds the old dossiers and writes new ones under v2', async () => {
    const url = await start(KEYS_ROTATING);
    await expectAllReadAndFound(url);
    await file(url, CITIZEN_IDS[0]);
    await file(url, '046095007708');
    const newest = (await keyColumns()).filter((row) => filed.slice(-2).some((dossier) => dossier.code === row.code));
    expect(newest.map((row) => `${row.personalKey}/${row.indexKey}`)).toEqual(['v2/v2', 'v2/v2']);
    // The applicant's dossiers are now under both index keys; one search finds all three.
    expect(await search(url, CITIZEN_IDS[0])).toEqual(codesOf(CITIZEN_IDS[0]));
    expect(codesOf(CITIZEN_IDS[0])).toHaveLength(3);
  });

  it('never overwrites a row another writer changed between the read and the write of a batch', async () => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const cipher = new CitizenIdCipher(running!.env);
      const rotation = new CitizenIdRotation(client, cipher);
      const batch = await rotation.next('00000000-0000-0000-0000-000000000000', 3);
      expect(batch).toHaveLength(3);
      // Another run got to the first row first.
      expect(await new CitizenIdRotation(client, cipher).rewrite([batch[0]])).toBe(1);
      const {
        rows: [meanwhile],
      } = await client.query('SELECT citizen_id_ciphertext FROM dossiers WHERE id = $1', [batch[0].id]);
      expect(await rotation.rewrite(batch)).toBe(2);
      const {
        rows: [after],
      } = await client.query('SELECT citizen_id_ciphertext FROM dossiers WHERE id = $1', [batch[0].id]);
      expect(after.citizen_id_ciphertext).toBe(meanwhile.citizen_id_ciphertext);
    } finally {
      await client.end();
    }
  });

  it('re-encrypts and re-indexes every old row in batches while intake files and searches, and reports nothing left under v1', async () => {
    const url = running!.url;
    // The seven dossiers filed under v1, less the three the previous test re-encrypted: four batches of one.
    const rotation = rotateKeys(database.url, KEYS_ROTATING, 1);
    let finished = false;
    void rotation.finally(() => (finished = true)).catch(() => undefined);
    // The service keeps serving throughout: filings and searches while the rotation runs.
    let servedDuring = 0;
    while (!finished) {
      await file(url, '046095007709');
      expect(await search(url, CITIZEN_IDS[0])).toEqual(codesOf(CITIZEN_IDS[0]));
      servedDuring++;
    }
    const { stdout } = await rotation;
    expect(servedDuring).toBeGreaterThan(0);
    expect(stdout).toContain('keys:rotate: dossiers: batch 4, 4 rewritten, 0 changed meanwhile\n');
    expect(stdout).toContain('keys:rotate: dossiers: 4 re-encrypted or re-indexed\n');
    // Counted while filings went on: the columns below are read once they have stopped.
    expect(stdout).toMatch(/keys:rotate: PERSONAL_DATA_KEY: \d+ row\(s\) under the current key v2\n/);
    expect(stdout).toContain('keys:rotate: PERSONAL_DATA_KEY: 0 row(s) left under v1; v1 may be removed\n');
    expect(stdout).toContain('keys:rotate: BLIND_INDEX_KEY: 0 row(s) left under v1; v1 may be removed\n');

    const columns = await keyColumns();
    expect(columns).toHaveLength(filed.length);
    const onlyV2 = new CitizenIdCipher(Object.assign(new IntakeEnv(), KEYS_V2));
    for (const row of columns) {
      expect(`${row.personalKey}/${row.indexKey}`).toBe('v2/v2');
      const citizenId = onlyV2.decrypt(row.ciphertext);
      expect(citizenId).toBe(filed.find((dossier) => dossier.code === row.code)!.citizenId);
      expect(row.index).toBe(onlyV2.blindIndex(citizenId).value);
    }
    await expectAllReadAndFound(url);
  });

  it('reads and finds everything with only the new keys, and a second run changes nothing', async () => {
    const url = await start(KEYS_V2);
    await expectAllReadAndFound(url);
    const before = await keyColumns();
    const { stdout } = await rotateKeys(database.url, KEYS_V2, 2);
    expect(stdout).toContain('keys:rotate: dossiers: 0 re-encrypted or re-indexed\n');
    expect(stdout).not.toMatch(/batch \d/);
    expect(stdout).toContain(`keys:rotate: PERSONAL_DATA_KEY: ${filed.length} row(s) under the current key v2\n`);
    expect(await keyColumns()).toEqual(before);
  });
});
