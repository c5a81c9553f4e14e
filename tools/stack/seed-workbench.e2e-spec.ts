import { DigitalSignatureEnv, digitalSignatureSchema, digitalSignatureService } from '@onestop/digital-signature';
import { IntakeEnv, intakeSchema, intakeService } from '@onestop/intake';
import { SeedUser, seedUsers } from '@onestop/local-stack';
import { PlatformEnv } from '@onestop/platform';
import { routingSchema, routingService } from '@onestop/routing';
import {
  ServiceUnderTest,
  startServiceWithDatabase,
  TEST_AUDIENCE,
  TEST_ISSUER,
  TEST_KEY_FILE,
  tokenFor,
  waitFor,
} from '@onestop/testing';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { seedWorkbench, WorkbenchOptions, WorkbenchUrls, workbenchSummary } from './seed-workbench';

const PHU_XUAN = '19753';
const THUY_XUAN = '19813';

function seedUser(username: string): SeedUser {
  const user = seedUsers().find((candidate) => candidate.username === username);
  if (!user) throw new Error(`the realm file has no seed user ${username}`);
  return user;
}

/**
 * What `npm run up` prepares for the realm's seed users, against the services as they run: the
 * officers of Phú Xuân and Thuỷ Xuân registered, their leaders able to sign, once; then a dossier
 * of Thuỷ Xuân goes to its seed specialist and the seed leader's approval signs its result.
 */
describe("the seed users' workbench", () => {
  jest.setTimeout(120_000);
  const specialist = seedUser('specialist.thuyxuan');
  const leader = seedUser('leader.thuyxuan');
  let intake: ServiceUnderTest<IntakeEnv>;
  let routing: ServiceUnderTest<PlatformEnv>;
  let signature: ServiceUnderTest<DigitalSignatureEnv>;
  let pkiDir: string;
  let urls: WorkbenchUrls;
  let options: WorkbenchOptions;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    // As up runs it: the signature service makes its development PKI where PKI_DIR says, and seeding issues from it.
    pkiDir = mkdtempSync(join(tmpdir(), 'onestop-workbench-pki-'));
    // Only this test's own events: other tests' dossiers must not reach these units' officers.
    const latest = { KAFKA_CONSUMER_START: 'latest' };
    [intake, routing, signature] = await Promise.all([
      startServiceWithDatabase(intakeService, intakeSchema, latest),
      startServiceWithDatabase(routingService, routingSchema, latest),
      startServiceWithDatabase(digitalSignatureService, digitalSignatureSchema, { ...latest, PKI_DIR: pkiDir }),
    ]);
    urls = { routing: routing.url, signature: signature.url };
    options = { token: { keyFile: TEST_KEY_FILE, issuer: TEST_ISSUER, audience: TEST_AUDIENCE }, pki: { dir: pkiDir } };
    // The seed users' own subjects, as Keycloak puts them in their tokens.
    tokens.specialist = await tokenFor('specialist', THUY_XUAN, '46', specialist.id);
    tokens.leader = await tokenFor('unit-leader', THUY_XUAN, '46', leader.id);
    tokens.leaderPhuXuan = await tokenFor('unit-leader', PHU_XUAN, '46', seedUser('leader.phuxuan').id);
    // Thuỷ Xuân's desk has no seed user.
    tokens.desk = await tokenFor('desk-officer', THUY_XUAN, '46', 'desk-thuy-xuan');
  }, 180_000);

  afterAll(async () => {
    await intake?.close();
    await routing?.close();
    await signature?.close();
    if (pkiDir) rmSync(pkiDir, { recursive: true, force: true });
  }, 60_000);

  const officersOf = async (unitCode: string, token: string) =>
    (await request(routing.url).get(`/api/v1/units/${unitCode}/officers`).auth(token, { type: 'bearer' }).expect(200))
      .body.items;
  const ownCertificates = async (token: string) =>
    (await request(signature.url).get('/api/v1/certificates').auth(token, { type: 'bearer' }).expect(200)).body.items;
  const stored = async () => ({
    officers: await routing.database.dataSource.query('SELECT * FROM officers ORDER BY subject'),
    certificates: await signature.database.dataSource.query(
      'SELECT id, user_id, fingerprint FROM certificates ORDER BY id',
    ),
  });

  it('registers the specialists and leaders of Phú Xuân and Thuỷ Xuân, and issues each leader a certificate the service signs with', async () => {
    const seeding = await seedWorkbench(urls, options);
    expect(seeding).toEqual({
      officersRegistered: ['specialist.phuxuan', 'leader.phuxuan', 'specialist.thuyxuan', 'leader.thuyxuan'],
      officersInPlace: [],
      certificatesIssued: ['leader.phuxuan', 'leader.thuyxuan'],
      certificatesInPlace: [],
    });
    expect(workbenchSummary(seeding)).toBe(
      'workbench: registered officers specialist.phuxuan, leader.phuxuan, specialist.thuyxuan, leader.thuyxuan; issued signing certificates to leader.phuxuan, leader.thuyxuan',
    );

    expect(await officersOf(THUY_XUAN, tokens.leader)).toEqual(
      [
        { subject: specialist.id, roles: ['specialist'], active: true, openWorkItems: 0 },
        { subject: leader.id, roles: ['unit-leader'], active: true, openWorkItems: 0 },
      ].sort((a, b) => a.subject.localeCompare(b.subject)),
    );
    expect(
      (await officersOf(PHU_XUAN, tokens.leaderPhuXuan)).map((officer: { subject: string }) => officer.subject).sort(),
    ).toEqual([seedUser('specialist.phuxuan').id, seedUser('leader.phuxuan').id].sort());
    // The leader sees his own certificate, named as the realm names him, its key held by the service.
    expect(await ownCertificates(tokens.leader)).toEqual([
      expect.objectContaining({
        userId: leader.id,
        unitCode: THUY_XUAN,
        commonName: 'Võ Văn Dũng',
        keyStorage: 'server',
        status: 'active',
      }),
    ]);
    expect(await ownCertificates(tokens.leaderPhuXuan)).toEqual([
      expect.objectContaining({ commonName: 'Lê Quang Hùng', unitCode: PHU_XUAN, status: 'active' }),
    ]);
  });

  it('changes nothing when run again: no officer rewritten, no second certificate', async () => {
    const before = await stored();
    const seeding = await seedWorkbench(urls, options);
    expect(seeding).toEqual({
      officersRegistered: [],
      officersInPlace: ['specialist.phuxuan', 'leader.phuxuan', 'specialist.thuyxuan', 'leader.thuyxuan'],
      certificatesIssued: [],
      certificatesInPlace: ['leader.phuxuan', 'leader.thuyxuan'],
    });
    expect(workbenchSummary(seeding)).toBe('workbench: in place (4 officers, 2 leaders with a signing certificate)');
    expect(await stored()).toEqual(before);
  });

  it('issues a leader a new certificate once his has been revoked, and leaves the other leader alone', async () => {
    const admin = await tokenFor('province-admin', undefined, '46', 'admin-46');
    const [current] = await ownCertificates(tokens.leaderPhuXuan);
    await request(signature.url)
      .post(`/api/v1/certificates/${current.id}/revocation`)
      .auth(admin, { type: 'bearer' })
      .send({ reason: 'superseded' })
      .expect(200);
    const seeding = await seedWorkbench(urls, options);
    expect(seeding).toMatchObject({
      officersRegistered: [],
      certificatesIssued: ['leader.phuxuan'],
      certificatesInPlace: ['leader.thuyxuan'],
    });
    expect(
      (await ownCertificates(tokens.leaderPhuXuan)).map((certificate: { status: string }) => certificate.status).sort(),
    ).toEqual(['active', 'revoked']);
  });

  it('sends a dossier filed at Thuỷ Xuân to its seed specialist, and signs the result when its seed leader approves', async () => {
    const filed = await request(intake.url)
      .post('/api/v1/dossiers')
      .auth(tokens.desk, { type: 'bearer' })
      .set('Idempotency-Key', `workbench-${randomBytes(4).toString('hex')}`)
      .send({
        procedureCode: 'HKD-DANGKY',
        receivingUnitCode: THUY_XUAN,
        channel: 'counter',
        applicant: {
          name: 'Ngô Thị Thu',
          citizenId: '046095004321',
          phone: '0934567890',
          address: { line: '12 Thuỷ Xuân', communeCode: THUY_XUAN },
        },
        documents: [
          { type: 'registration-application', fileName: 'giay-de-nghi.pdf', sha256: 'b'.repeat(64), size: 80_000 },
        ],
      })
      .expect(201);
    const dossier = (token: string) =>
      request(routing.url).get(`/api/v1/dossiers/${filed.body.id}`).auth(token, { type: 'bearer' });
    await waitFor(
      async () => (await dossier(tokens.specialist)).status === 200,
      30_000,
      'the dossier routed to Thuỷ Xuân',
    );
    const routed = (await dossier(tokens.specialist)).body;
    expect(routed).toMatchObject({ unitCode: THUY_XUAN, assigneeId: specialist.id });

    const act = async (token: string, action: string, version: number) =>
      (
        await request(routing.url)
          .post(`/api/v1/dossiers/${filed.body.id}/actions`)
          .auth(token, { type: 'bearer' })
          .send({ version, action })
          .expect(200)
      ).body;
    const accepted = await act(tokens.specialist, 'accept', routed.version);
    await act(tokens.leader, 'approve', accepted.version);
    await waitFor(async () => (await dossier(tokens.leader)).body.status === 9, 75_000, 'the result signed');

    const verification = await request(signature.url).get(`/api/v1/public/results/${filed.body.code}`).expect(200);
    expect(verification.body).toMatchObject({
      indication: 'TOTAL_PASSED',
      signatures: [{ signer: { commonName: 'Võ Văn Dũng' }, coversWholeDocument: true }],
    });
  });
});
