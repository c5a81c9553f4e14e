import { loadOrCreateDevelopmentKey, TokenVerifier } from '@onestop/platform';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..');

function token(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ['-r', './tools/ts-register.js', 'tools/token.ts', ...args], {
    cwd: root,
    env: { PATH: process.env['PATH'] ?? '', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

/** `npm run token` prints a development token the services accept, and refuses in production. */
describe('npm run token', () => {
  const keyFile = join(mkdtempSync(join(tmpdir(), 'onestop-token-')), 'key.json');

  it('prints a token that verifies against the development key with the requested claims', async () => {
    const result = token(['--role', 'unit-leader', '--unit', '19753'], { AUTH_DEV_KEY_FILE: keyFile });
    expect(result.status).toBe(0);
    const key = await loadOrCreateDevelopmentKey(keyFile);
    const verifier = TokenVerifier.forLocalKeys(
      { keys: [key.publicJwk] },
      {
        issuer: 'onestop-development',
        audience: 'onestop',
        rolesClaim: 'roles',
        unitClaim: 'unit_code',
        provinceClaim: 'province_code',
        maxLifetimeSeconds: 43_200,
        clockSkewSeconds: 30,
      },
    );
    await expect(verifier.verify(result.stdout.trim())).resolves.toEqual({
      subject: 'dev-unit-leader-19753',
      roles: ['unit-leader'],
      unitCode: '19753',
      provinceCode: '46',
    });
  }, 40_000);

  it('refuses when production settings are on, and names an unknown role', () => {
    const production = token(['--role', 'citizen'], { NODE_ENV: 'production', AUTH_DEV_KEY_FILE: keyFile });
    expect(production.status).toBe(1);
    expect(production.stderr).toMatch(/^token: refused: production settings are on/);
    const unknown = token(['--role', 'mayor'], { AUTH_DEV_KEY_FILE: keyFile });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/--role is required and must be one of citizen, desk-officer/);
  }, 40_000);
});
