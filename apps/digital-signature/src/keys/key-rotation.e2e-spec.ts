import { createDevPki, DevPki, KeyProtectionError } from '@onestop/pades';
import { BackgroundStart, parseKeyring } from '@onestop/platform';
import { createTestDatabase, RunningService, startTestService, TestDatabase, tokenFor } from '@onestop/testing';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { PDFDocument } from 'pdf-lib';
import request from 'supertest';
import { digitalSignatureSchema } from '../database/schema';
import { DigitalSignatureEnv } from '../digital-signature.env';
import { writePkiDirectory } from '../pki/pki-directory';
import { digitalSignatureService } from '../service';
import { registerOfficer } from '../test/signature-fixture';
import { openPrivateKey, openPrivateKeyWithAnyKey } from './private-key-protection';
import { PrivateKeyRotation } from './private-key-rotation';

const ROOT = join(__dirname, '../../../..');
const UNIT = '19774';
const OFFICIALS = ['official-a', 'official-b', 'official-c', 'official-d'];
const OLD = `old-${randomBytes(24).toString('base64')}`;
const NEW = `new-${randomBytes(24).toString('base64')}`;
const SECRET_V1 = { KEY_ENCRYPTION_SECRET: OLD };
const SECRET_ROTATING = { KEY_ENCRYPTION_SECRET: `v2:${NEW},v1:${OLD}` };
const SECRET_V2 = { KEY_ENCRYPTION_SECRET: `v2:${NEW}` };
const KEY_FILES = ['crl-issuer-key.pem', 'tsa-key.pem'];

/** `npm run keys:rotate -- --service digital-signature ...`, with the settings the service runs with. */
const rotateKeys = (databaseUrl: string, secret: Record<string, string>, ...options: string[]) =>
  promisify(execFile)(
    process.execPath,
    ['-r', './tools/ts-register.js', 'tools/keys-rotate.ts', '--service', 'digital-signature', ...options],
    {
      cwd: ROOT,
      env: {
        PATH: process.env['PATH'] ?? '',
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        DATABASE_URL: databaseUrl,
        ...secret,
      },
      timeout: 60_000,
    },
  );

/** KEY_ENCRYPTION_SECRET rotated with officials' server-side keys and the PKI directory's keys: signing goes on before, during and after. */
describe('rotating KEY_ENCRYPTION_SECRET', () => {
  jest.setTimeout(60_000);
  const groupId = `digital-signature-test-${randomBytes(4).toString('hex')}`;
  let database: TestDatabase;
  let pkiDir: string;
  let pki: DevPki;
  let pdf: string;
  let running: RunningService<DigitalSignatureEnv> | undefined;
  const tokens: Record<string, string> = {};
  const certificates: Record<string, string> = {};

  const start = async (secret: Record<string, string>) => {
    await running?.close();
    running = await startTestService(digitalSignatureService, {
      DATABASE_URL: database.url,
      KAFKA_GROUP_ID: groupId,
      PKI_DIR: pkiDir,
      ...secret,
    });
    await running.app.get(BackgroundStart, { strict: false }).whenStarted();
    return running.url;
  };
  const register = async (url: string, official: string) => {
    certificates[official] = (
      await registerOfficer(url, tokens.admin, pki.officers.get(official)!, pki, official, UNIT)
    ).id;
  };
  /** Each official signs with the key the service holds, time-stamped by the TSA key of the PKI directory. */
  const expectEveryoneSigns = async (url: string) => {
    for (const official of Object.keys(certificates)) {
      const signed = await request(url)
        .post('/api/v1/signatures')
        .auth(tokens[official], { type: 'bearer' })
        .send({ document: pdf, certificateId: certificates[official] })
        .expect(201);
      expect(signed.body).toMatchObject({ level: 'B-T', signer: { userId: official } });
    }
  };
  const keyColumns = async () =>
    (await database.dataSource.query(
      `SELECT user_id AS "userId", private_key_secret_id AS "keyId", encrypted_private_key AS pem FROM certificates ORDER BY user_id`,
    )) as { userId: string; keyId: string | null; pem: string | null }[];

  beforeAll(async () => {
    pkiDir = mkdtempSync(join(tmpdir(), 'onestop-pki-keys-'));
    pki = await createDevPki({
      officers: [...OFFICIALS, 'device-holder'].map((id) => ({ id, name: `Cán bộ ${id}`, unitCode: UNIT })),
      crlUrl: 'http://127.0.0.1:3003/api/v1/crl',
    });
    writePkiDirectory(pkiDir, pki, parseKeyring(OLD, 'passphrase'));
    database = await createTestDatabase('digital-signature-keys', digitalSignatureSchema);
    tokens.admin = await tokenFor('province-admin', undefined, '46', 'admin');
    for (const official of OFFICIALS) tokens[official] = await tokenFor('unit-leader', UNIT, '46', official);
    const document = await PDFDocument.create();
    document.addPage().drawText('Quyet dinh');
    pdf = Buffer.from(await document.save({ useObjectStreams: false })).toString('base64');
  });

  afterAll(async () => {
    await running?.close();
    await database?.drop();
    rmSync(pkiDir, { recursive: true, force: true });
  });

  it('stores server-side keys under the single secret as key v1, device keys with none', async () => {
    const url = await start(SECRET_V1);
    for (const official of OFFICIALS.slice(0, 3)) await register(url, official);
    await registerOfficer(url, tokens.admin, pki.officers.get('device-holder')!, pki, 'device-holder', UNIT, true);
    expect((await keyColumns()).map((row) => [row.userId, row.keyId])).toEqual([
      ['device-holder', null],
      ['official-a', 'v1'],
      ['official-b', 'v1'],
      ['official-c', 'v1'],
    ]);
    await expectEveryoneSigns(url);
  });

  it('with the new passphrase in front, signs with the old keys and stores new ones under v2', async () => {
    const url = await start(SECRET_ROTATING);
    await expectEveryoneSigns(url);
    await register(url, 'official-d');
    expect((await keyColumns()).find((row) => row.userId === 'official-d')!.keyId).toBe('v2');
    await expectEveryoneSigns(url);
  });

  it('never overwrites a key another writer changed between the read and the write of a batch', async () => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      const keys = running!.env.keyEncryptionKeys;
      const rotation = new PrivateKeyRotation(client, keys);
      const batch = await rotation.next('00000000-0000-0000-0000-000000000000', 10);
      expect(batch.map((row) => row.keyId)).toEqual(['v1', 'v1', 'v1']);
      expect(await new PrivateKeyRotation(client, keys).rewrite([batch[0]])).toBe(1);
      const {
        rows: [meanwhile],
      } = await client.query('SELECT encrypted_private_key AS pem FROM certificates WHERE id = $1', [batch[0].id]);
      expect(await rotation.rewrite(batch)).toBe(2);
      const {
        rows: [after],
      } = await client.query('SELECT encrypted_private_key AS pem FROM certificates WHERE id = $1', [batch[0].id]);
      expect(after.pem).toBe(meanwhile.pem);
      // Put back under v1, for the command to find.
      for (const row of batch)
        await client.query(
          `UPDATE certificates SET encrypted_private_key = $2, private_key_secret_id = 'v1' WHERE id = $1`,
          [row.id, row.pem],
        );
    } finally {
      await client.end();
    }
  });

  it('re-encrypts the old server-side keys in batches while the service signs, then the PKI key files in place', async () => {
    const url = running!.url;
    const rotation = rotateKeys(database.url, SECRET_ROTATING, '--batch-size', '1');
    let finished = false;
    void rotation.finally(() => (finished = true)).catch(() => undefined);
    let signedDuring = 0;
    while (!finished) {
      await expectEveryoneSigns(url);
      signedDuring++;
    }
    const { stdout } = await rotation;
    expect(signedDuring).toBeGreaterThan(0);
    expect(stdout).toContain('keys:rotate: certificates: batch 3, 3 rewritten, 0 changed meanwhile\n');
    expect(stdout).toContain('keys:rotate: KEY_ENCRYPTION_SECRET: 4 row(s) under the current key v2\n');
    expect(stdout).toContain('keys:rotate: KEY_ENCRYPTION_SECRET: 0 row(s) left under v1; v1 may be removed\n');

    const files = await rotateKeys(database.url, SECRET_ROTATING, '--pki-dir', pkiDir);
    expect(files.stdout).toContain('keys:rotate: pki: tsa-key.pem re-encrypted from v1 to v2\n');
    expect(files.stdout).toContain('keys:rotate: pki: crl-issuer-key.pem re-encrypted from v1 to v2\n');
    expect(files.stdout).toContain(
      `keys:rotate: KEY_ENCRYPTION_SECRET in ${pkiDir}: 0 file(s) left under v1; v1 may be removed\n`,
    );

    const onlyNew = parseKeyring(`v2:${NEW}`, 'passphrase');
    const onlyOld = parseKeyring(OLD, 'passphrase');
    for (const row of (await keyColumns()).filter((stored) => stored.pem)) {
      expect(row.keyId).toBe('v2');
      expect(openPrivateKey(onlyNew, { keyId: row.keyId!, pem: row.pem! }).asymmetricKeyType).toBeDefined();
    }
    expect(readdirSync(pkiDir).sort()).toEqual([
      'crl-issuer-key.pem',
      'crl-issuer.pem',
      'trust-anchors.pem',
      'tsa-key.pem',
      'tsa.pem',
    ]);
    for (const file of KEY_FILES) {
      expect(statSync(join(pkiDir, file)).mode & 0o777).toBe(0o600);
      expect(openPrivateKeyWithAnyKey(onlyNew, readFileSync(join(pkiDir, file), 'utf8')).keyId).toBe('v2');
      expect(() => openPrivateKeyWithAnyKey(onlyOld, readFileSync(join(pkiDir, file), 'utf8'))).toThrow(
        KeyProtectionError,
      );
    }
  });

  it('starts and signs with only the new passphrase, and a second run changes nothing', async () => {
    const url = await start(SECRET_V2);
    await expectEveryoneSigns(url);
    const before = {
      rows: await keyColumns(),
      files: KEY_FILES.map((file) => readFileSync(join(pkiDir, file), 'utf8')),
    };
    const { stdout } = await rotateKeys(database.url, SECRET_V2);
    expect(stdout).toContain('keys:rotate: certificates: 0 server-side keys re-encrypted\n');
    expect((await rotateKeys(database.url, SECRET_V2, '--pki-dir', pkiDir)).stdout).toContain(
      'keys:rotate: pki: tsa-key.pem already under v2\n',
    );
    expect(stdout).not.toMatch(/batch \d/);
    expect({
      rows: await keyColumns(),
      files: KEY_FILES.map((file) => readFileSync(join(pkiDir, file), 'utf8')),
    }).toEqual(before);
  });
});
