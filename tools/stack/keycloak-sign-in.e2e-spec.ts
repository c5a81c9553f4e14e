import { IntakeEnv, intakeSchema, intakeService } from '@onestop/intake';
import {
  CLI_CLIENT,
  DEVELOPMENT_ADMIN,
  passwordGrant,
  REALM,
  REALM_AUDIENCE,
  REALM_FILE,
  seedUsers,
  startKeycloak,
  StartedKeycloak,
  TEST_KEYCLOAK,
} from '@onestop/local-stack';
import { DEVELOPMENT_ISSUER, loadOrCreateDevelopmentKey, signDevelopmentToken, TokenVerifier } from '@onestop/platform';
import { ServiceUnderTest, startServiceWithDatabase, TEST_KEY_FILE } from '@onestop/testing';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import request from 'supertest';

const PHU_XUAN = '19753';
const THUY_XUAN = '19813';
/** A realm made by this test from the same file under another name: its tokens look right but are not the onestop realm's. */
const OTHER_REALM = `elsewhere-${randomBytes(3).toString('hex')}`;

const document = (type: string) => ({
  type,
  fileName: `${type}.pdf`,
  sha256: randomBytes(32).toString('hex'),
  size: 90_000,
});
const filing = (receivingUnitCode: string, channel = 'counter') => ({
  procedureCode: 'HKD-DANGKY',
  receivingUnitCode,
  channel,
  applicant: {
    name: 'Lê Văn Cường',
    citizenId: '046095007788',
    phone: '0905123456',
    address: { line: '9 Kim Long', communeCode: '19774' },
  },
  documents: [document('registration-application')],
});

function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

/**
 * Sign-in through the local Keycloak (deploy/local/keycloak): the realm's seed users get tokens by
 * the development client's password grant, and intake, set up as `npm run up` sets it up
 * (Keycloak's JWKS, issuer and audience, and the development key beside them), accepts them with
 * the roles, unit and province of the realm, and nothing signed by another realm or for another audience.
 */
describe('sign-in through the local Keycloak', () => {
  let keycloak: StartedKeycloak;
  let intake: ServiceUnderTest<IntakeEnv>;
  let adminToken: string;
  const tokens: Record<string, string> = {};
  const passwords = Object.fromEntries(seedUsers().map((user) => [user.username, user.password]));

  const admin = (path: string, init: RequestInit = {}) =>
    fetch(`${keycloak.url}/admin/realms${path}`, {
      ...init,
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json', ...init.headers },
    });
  const file = (token: string, body: object) =>
    request(intake.url).post('/api/v1/dossiers').auth(token, { type: 'bearer' }).send(body);
  const read = (token: string, code: string) =>
    request(intake.url).get(`/api/v1/dossiers/${code}`).auth(token, { type: 'bearer' });

  beforeAll(async () => {
    keycloak = await startKeycloak(TEST_KEYCLOAK);
    adminToken = await passwordGrant(
      `${keycloak.url}/realms/master/protocol/openid-connect/token`,
      DEVELOPMENT_ADMIN.username,
      DEVELOPMENT_ADMIN.password,
      'admin-cli',
    );
    intake = await startServiceWithDatabase(intakeService, intakeSchema, {
      AUTH_JWKS_URL: keycloak.jwksUrl,
      AUTH_ISSUER: keycloak.issuer,
      AUTH_AUDIENCE: REALM_AUDIENCE,
      AUTH_DEV_KEY_FILE: TEST_KEY_FILE,
    });
    for (const username of ['desk.phuxuan', 'citizen', 'leader.province'])
      tokens[username] = await passwordGrant(keycloak.tokenUrl, username, passwords[username]);
  }, 300_000);

  afterAll(async () => {
    if (adminToken) await admin(`/${OTHER_REALM}`, { method: 'DELETE' });
    await intake?.close();
  }, 60_000);

  it('gives every seed user a token the services read as the realm file says: roles, unit and province', async () => {
    const verifier = intake.app.get(TokenVerifier, { strict: false });
    const users = seedUsers();
    expect(
      users
        .map((user) => user.roles)
        .flat()
        .sort(),
    ).toEqual(
      expect.arrayContaining([
        'citizen',
        'desk-officer',
        'province-admin',
        'province-leader',
        'specialist',
        'unit-leader',
      ]),
    );
    for (const user of users) {
      const token = await passwordGrant(keycloak.tokenUrl, user.username, user.password);
      const claims = claimsOf(token);
      // The subject is the realm file's id: what is prepared for a seed user (officer, certificate) is prepared for that id.
      expect(claims).toMatchObject({ iss: keycloak.issuer, aud: REALM_AUDIENCE, azp: CLI_CLIENT, sub: user.id });
      await expect(verifier.verify(token)).resolves.toEqual({
        subject: user.id,
        roles: user.roles,
        unitCode: user.unitCode,
        provinceCode: user.provinceCode,
      });
    }
    expect(users.find((user) => user.username === 'desk.phuxuan')).toMatchObject({
      roles: ['desk-officer'],
      unitCode: PHU_XUAN,
      provinceCode: '46',
    });
  });

  it('lets the desk officer of Phú Xuân file and read at Phú Xuân, and nowhere else', async () => {
    const desk = tokens['desk.phuxuan'];
    const filed = await file(desk, filing(PHU_XUAN)).expect(201);
    expect(filed.body.code).toMatch(new RegExp(`^${PHU_XUAN}-`));
    await read(desk, filed.body.code).expect(200);
    await read(tokens['leader.province'], filed.body.code).expect(200);

    await file(desk, filing(THUY_XUAN)).expect(403);
    // Thuỷ Xuân's desk has no seed user: a development-key token files there, which the service also accepts.
    const thuyXuanDesk = await signDevelopmentToken(await loadOrCreateDevelopmentKey(TEST_KEY_FILE), {
      subject: 'desk-thuy-xuan',
      roles: ['desk-officer'],
      unitCode: THUY_XUAN,
      provinceCode: '46',
      issuer: DEVELOPMENT_ISSUER,
      audience: REALM_AUDIENCE,
    });
    const elsewhere = await file(thuyXuanDesk, filing(THUY_XUAN)).expect(201);
    await read(desk, elsewhere.body.code).expect(404);
    await read(tokens['leader.province'], elsewhere.body.code).expect(200);
  });

  it("lets the citizen file online, read and withdraw their own filing, which the desk's routes refuse them", async () => {
    const citizen = tokens['citizen'];
    const online = await file(citizen, filing(PHU_XUAN, 'online')).expect(201);
    expect(online.body.status).toBe(1);
    await read(citizen, online.body.code).expect(200);
    await request(intake.url)
      .post(`/api/v1/dossiers/${online.body.code}/intake-decision`)
      .auth(citizen, { type: 'bearer' })
      .send({ decision: 'receive' })
      .expect(403);
    await request(intake.url)
      .post(`/api/v1/dossiers/${online.body.code}/withdrawal`)
      .auth(citizen, { type: 'bearer' })
      .send({ reason: 'Nộp nhầm thủ tục' })
      .expect(200);
  });

  it('refuses (401) a token of another realm, with the same users, claims and audience', async () => {
    // Keycloak's user ids are unique across realms: the copy's users get ids of their own.
    const onestop = JSON.parse(readFileSync(REALM_FILE, 'utf8')) as { users: { id?: string }[] };
    const realm = { ...onestop, realm: OTHER_REALM, users: onestop.users.map(({ id: _id, ...user }) => user) };
    const created = await admin('', { method: 'POST', body: JSON.stringify(realm) });
    expect(created.status).toBe(201);
    const other = await passwordGrant(
      `${keycloak.url}/realms/${OTHER_REALM}/protocol/openid-connect/token`,
      'desk.phuxuan',
      passwords['desk.phuxuan'],
    );
    expect(claimsOf(other)).toMatchObject({
      iss: expect.stringContaining(`/realms/${OTHER_REALM}`),
      aud: REALM_AUDIENCE,
      roles: ['desk-officer'],
      unit_code: PHU_XUAN,
    });
    const filed = await file(tokens['desk.phuxuan'], filing(PHU_XUAN)).expect(201);
    const response = await read(other, filed.body.code).expect(401);
    expect(JSON.stringify(response.body)).not.toContain('Lê Văn Cường');
    await file(other, filing(PHU_XUAN)).expect(401);
    await read(tokens['desk.phuxuan'], filed.body.code).expect(200);
  });

  it("refuses (401) the realm's own token issued for another audience", async () => {
    // Keycloak's built-in admin-cli client of the onestop realm: same issuer and keys, no audience mapper.
    const token = await passwordGrant(keycloak.tokenUrl, 'desk.phuxuan', passwords['desk.phuxuan'], 'admin-cli');
    const claims = claimsOf(token);
    expect(claims['iss']).toBe(keycloak.issuer);
    expect([claims['aud']].flat()).not.toContain(REALM_AUDIENCE);
    const filed = await file(tokens['desk.phuxuan'], filing(PHU_XUAN)).expect(201);
    await read(token, filed.body.code).expect(401);
    await file(token, filing(PHU_XUAN)).expect(401);
  });

  it('keeps the browser client public, on the code flow, with S256 PKCE required', async () => {
    const [client] = (await (await admin(`/${REALM}/clients?clientId=onestop-web`)).json()) as Record<
      string,
      unknown
    >[];
    expect(client).toMatchObject({
      publicClient: true,
      standardFlowEnabled: true,
      implicitFlowEnabled: false,
      directAccessGrantsEnabled: false,
      attributes: expect.objectContaining({ 'pkce.code.challenge.method': 'S256' }),
    });
    expect([...(client['redirectUris'] as string[])].sort()).toEqual([
      'http://127.0.0.1:3000/*',
      'http://localhost:3000/*',
    ]);

    const authorize = (extra: Record<string, string>) =>
      fetch(
        `${keycloak.issuer}/protocol/openid-connect/auth?${new URLSearchParams({ client_id: 'onestop-web', response_type: 'code', scope: 'openid', redirect_uri: 'http://127.0.0.1:3000/signed-in', state: 's', ...extra })}`,
        { redirect: 'manual' },
      );
    const refusal = (response: Response) =>
      new URL(response.headers.get('location') ?? 'http://none/').searchParams.get('error');
    expect(refusal(await authorize({}))).toBe('invalid_request');
    expect(refusal(await authorize({ code_challenge: 'x'.repeat(43), code_challenge_method: 'plain' }))).toBe(
      'invalid_request',
    );
    const challenge = createHash('sha256').update(randomBytes(32).toString('base64url')).digest('base64url');
    const login = await authorize({ code_challenge: challenge, code_challenge_method: 'S256' });
    expect(login.status).toBe(200);
    expect(await login.text()).toContain('kc-form-login');
    // Nor can the browser client sign a user in by password.
    await expect(passwordGrant(keycloak.tokenUrl, 'citizen', passwords['citizen'], 'onestop-web')).rejects.toThrow(
      /not allowed for direct access grants/,
    );
  });
});
