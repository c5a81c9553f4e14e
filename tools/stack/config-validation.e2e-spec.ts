import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../..');

function startIntake(env: Record<string, string>) {
  return startService('intake', env);
}

function startService(service: string, env: Record<string, string>) {
  return spawnSync(process.execPath, ['-r', './tools/ts-register.js', `apps/${service}/src/main.ts`], {
    cwd: root,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
}

/** A wrong setting stops the real service process at once, with a message instead of a stack trace. */
describe('configuration validated at boot', () => {
  it('stops the service naming each bad variable', () => {
    const result = startIntake({
      PORT: 'eighty',
      KAFKA_BROKERS: 'nowhere',
      DATABASE_URL: 'mysql://x/y',
      EVENT_DATA_KEYS: 'v2:c2hvcnQ=',
    });
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

  it('stops at a malformed keyring, naming the variable and never the key', () => {
    const shortKey = 'c2hvcnQta2V5';
    const result = startIntake({
      PERSONAL_DATA_KEY: `v2:${shortKey},v1:${'A'.repeat(43)}=`,
      BLIND_INDEX_KEY: `v2:${'A'.repeat(43)}=,${'B'.repeat(43)}=`,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('intake: invalid configuration:');
    expect(result.stderr).toContain(
      '  - PERSONAL_DATA_KEY: each key is 32 bytes in base64 (openssl rand -base64 32)\n',
    );
    expect(result.stderr).toContain(
      '  - BLIND_INDEX_KEY: each key is written id:secret, the id of lower-case letters, digits and hyphens (at most 16)\n',
    );
    expect(result.stderr).not.toContain(shortKey);

    const signing = startService('digital-signature', { KEY_ENCRYPTION_SECRET: `v2:too-short,v1:${'x'.repeat(24)}` });
    expect(signing.status).toBe(1);
    expect(signing.stderr).toContain(
      '  - KEY_ENCRYPTION_SECRET: each passphrase must be at least 24 characters (openssl rand -base64 32)\n',
    );
    expect(signing.stderr).not.toContain('too-short');
  }, 80_000);

  it('refuses simulated time in production unless allowed (CLOCK_SIMULATION_ALLOWED=true)', () => {
    const result = startIntake({
      NODE_ENV: 'production',
      PORT: '3001',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/onestop_intake',
      AUTH_JWKS_URL: 'https://idp.example/jwks',
      CLOCK: 'simulated',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      '  - CLOCK: simulated time is refused in production unless CLOCK_SIMULATION_ALLOWED=true (got "simulated")\n',
    );
  }, 40_000);
});
