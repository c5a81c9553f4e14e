import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createClient } from 'redis';

const root = join(__dirname, '..');
const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** `npm run clock` moves the simulated time the services share, and explains wrong arguments. */
describe('npm run clock', () => {
  const key = `onestop:clock:test-${randomBytes(6).toString('hex')}`;
  const clock = (...args: string[]) =>
    spawnSync(process.execPath, ['-r', './tools/ts-register.js', 'tools/clock.ts', ...args], {
      cwd: root,
      env: { PATH: process.env['PATH'] ?? '', REDIS_URL, CLOCK_KEY: key },
      encoding: 'utf8',
      timeout: 30_000,
    });

  afterAll(async () => {
    const redis = await createClient({ url: REDIS_URL }).connect();
    await redis.del(key);
    await redis.close();
  });

  it('sets, freezes and advances the simulated time, printing it in UTC and in Vietnam', () => {
    expect(clock('rate', '0').status).toBe(0);
    const set = clock('set', '2030-03-01T08:00:00+07:00');
    expect(set.stdout).toBe(
      'clock: set; simulated time 2030-03-01T01:00:00.000Z (Fri 2030-03-01 08:00:00 Asia/Ho_Chi_Minh), rate 0 (frozen)\n',
    );
    const advanced = clock('advance', '1d12h');
    expect(advanced.status).toBe(0);
    expect(advanced.stdout).toBe(
      'clock: advanced by 1d12h; simulated time 2030-03-02T13:00:00.000Z (Sat 2030-03-02 20:00:00 Asia/Ho_Chi_Minh), rate 0 (frozen)\n',
    );
    const back = clock('set', '2030-03-01T08:00:00+07:00');
    expect(back.status).toBe(1);
    expect(back.stderr).toMatch(/before the simulated now .* add --force to go back anyway/);
  }, 60_000);

  it('exits with 2 and says what is wrong for bad arguments', () => {
    const negative = clock('advance', '-1d');
    expect(negative.status).toBe(2);
    expect(negative.stderr).toMatch(/^clock: time only moves forward/);
    const unknown = clock('rewind');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/usage: npm run clock -- show \| advance <duration/);
  }, 60_000);
});
