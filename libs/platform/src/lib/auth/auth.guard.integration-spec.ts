import { Controller, Get, INestApplication } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { Role } from '@onestop/contracts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { loadConfig } from '../config/load-config';
import { PlatformEnv } from '../config/platform-env';
import { ProblemDetailsFilter } from '../errors/problem-details.filter';
import { CurrentPrincipal, Public, Roles } from './auth.decorators';
import { AuthModule } from './auth.module';
import { loadOrCreateDevelopmentKey } from './development-key';
import { signDevelopmentToken } from './development-token';
import { Principal } from './principal';

@Controller('probe')
class ProbeController {
  @Public()
  @Get('public')
  open(@CurrentPrincipal() principal?: Principal) {
    return { caller: principal?.subject ?? null };
  }

  @Get('signed-in')
  signedIn(@CurrentPrincipal() principal: Principal) {
    return principal;
  }

  @Roles('specialist', 'unit-leader')
  @Get('officers')
  officers() {
    return { ok: true };
  }
}

// The platform's own tests cannot use the testing library (it depends on the platform).
const TEST_KEY_FILE = join(mkdtempSync(join(tmpdir(), 'onestop-auth-')), 'key.json');
const TEST_ISSUER = 'onestop-test';
const TEST_AUDIENCE = 'onestop';

async function tokenFor(role: Role, unitCode?: string, provinceCode = '46', subject = `${role}-${unitCode ?? 'none'}`) {
  const key = await loadOrCreateDevelopmentKey(TEST_KEY_FILE);
  return signDevelopmentToken(key, {
    subject,
    roles: [role],
    unitCode,
    provinceCode,
    issuer: TEST_ISSUER,
    audience: TEST_AUDIENCE,
  });
}

/** Every route needs a valid token unless it is public; @Roles narrows it; failures are problem+json. */
describe('AuthGuard over HTTP', () => {
  let app: INestApplication;

  beforeAll(async () => {
    const env = loadConfig(PlatformEnv, {
      PORT: '1',
      DATABASE_URL: 'postgres://unused/unused',
      AUTH_DEV_KEY_FILE: TEST_KEY_FILE,
      AUTH_ISSUER: TEST_ISSUER,
      AUTH_AUDIENCE: TEST_AUDIENCE,
    });
    const moduleRef = await Test.createTestingModule({
      imports: [AuthModule.forRoot(env)],
      controllers: [ProbeController],
      providers: [{ provide: APP_FILTER, useClass: ProblemDetailsFilter }],
    }).compile();
    app = moduleRef.createNestApplication();
    await app.init();
  });

  afterAll(() => app.close());

  it('answers 401 problem+json without a token, or with a forged or expired one', async () => {
    const missing = await request(app.getHttpServer()).get('/probe/signed-in').expect(401);
    expect(missing.headers['content-type']).toMatch(/problem\+json/);
    expect(missing.headers['www-authenticate']).toBe('Bearer');
    const key = await loadOrCreateDevelopmentKey(TEST_KEY_FILE);
    const expired = await signDevelopmentToken(key, {
      subject: 'x',
      roles: ['citizen'],
      issuer: TEST_ISSUER,
      audience: TEST_AUDIENCE,
      expiresIn: '-1m',
    });
    await request(app.getHttpServer()).get('/probe/signed-in').auth(expired, { type: 'bearer' }).expect(401);
    const wrongIssuer = await signDevelopmentToken(key, {
      subject: 'x',
      roles: ['citizen'],
      issuer: 'elsewhere',
      audience: TEST_AUDIENCE,
    });
    await request(app.getHttpServer()).get('/probe/signed-in').auth(wrongIssuer, { type: 'bearer' }).expect(401);
  });

  it('gives a valid token its principal with roles, unit and province', async () => {
    const token = await tokenFor('specialist', '19753');
    const response = await request(app.getHttpServer())
      .get('/probe/signed-in')
      .auth(token, { type: 'bearer' })
      .expect(200);
    expect(response.body).toEqual({
      subject: 'specialist-19753',
      roles: ['specialist'],
      unitCode: '19753',
      provinceCode: '46',
    });
  });

  it('answers 403 naming the roles when the caller lacks them', async () => {
    const citizen = await tokenFor('citizen');
    const response = await request(app.getHttpServer())
      .get('/probe/officers')
      .auth(citizen, { type: 'bearer' })
      .expect(403);
    expect(response.body.detail).toBe('requires one of the roles: specialist, unit-leader');
    await request(app.getHttpServer())
      .get('/probe/officers')
      .auth(await tokenFor('unit-leader', '19753'), { type: 'bearer' })
      .expect(200);
  });

  it('serves public routes without a token and still recognises one that is sent', async () => {
    await request(app.getHttpServer()).get('/probe/public').expect(200, { caller: null });
    const token = await tokenFor('citizen', undefined, '46', 'citizen-7');
    await request(app.getHttpServer())
      .get('/probe/public')
      .auth(token, { type: 'bearer' })
      .expect(200, { caller: 'citizen-7' });
  });
});
