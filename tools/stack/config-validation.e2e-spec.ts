import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../..');

function startIntake(env: Record<string, string>) {
  return spawnSync(process.execPath, ['-r', './tools/ts-register.js', 'apps/intake/src/main.ts'], {
    cwd: root,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

/** A wrong setting stops the real service process at once, with a message instead of a stack trace. */
describe('configuration validated at boot', () => {
  it('stops the service naming each bad variable', () => {
    const result = startIntake({ PORT: 'eighty', KAFKA_BROKERS: 'nowhere', DATABASE_URL: 'mysql://x/y', EVENT_DATA_KEYS: 'v2:c2hvcnQ=' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('intake: invalid configuration:');
    expect(result.stderr).toContain('  - PORT: must be a port number from 1 to 65535 (got "eighty")');
    expect(result.stderr).toContain('  - KAFKA_BROKERS: must be a comma-separated list of host:port (got "nowhere")');
    expect(result.stderr).toContain('  - DATABASE_URL: must be a postgres:// URL naming a database');
    // A keyring's error names the setting, never the secret.
    expect(result.stderr).toContain('  - EVENT_DATA_KEYS: each key is 32 bytes in base64 (openssl rand -base64 32)');
    expect(result.stderr).not.toContain('c2hvcnQ=');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  }, 40_000);

  it('refuses to start in production without the identity provider or with the development key', () => {
    const result = startIntake({
      NODE_ENV: 'production',
      PORT: '3001',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/onestop_intake',
      AUTH_DEV_KEY_FILE: '/tmp/key.json',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/AUTH_JWKS_URL: must be an http\(s\) URL/);
    expect(result.stderr).toMatch(/AUTH_DEV_KEY_FILE: must not be set in production/);
    expect(result.stderr).toMatch(/EVENT_DATA_KEYS: .*is required in production/);
  }, 40_000);

  it('refuses simulated time in production unless allowed (CLOCK_SIMULATION_ALLOWED=true)', () => {
    const result = startIntake({
      NODE_ENV: 'production',
      PORT: '3001',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/onestop_intake',
      AUTH_JWKS_URL: 'https://idp.example/jwks',
      CLOCK: 'simulated',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('  - CLOCK: simulated time is refused in production unless CLOCK_SIMULATION_ALLOWED=true (got "simulated")\n');
  }, 40_000);
});
