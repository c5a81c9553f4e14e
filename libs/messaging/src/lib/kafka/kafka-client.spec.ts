import { configProblems, loadConfig, PlatformEnv } from '@onestop/platform';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kafkaSettings } from './kafka-client';

const defaults = { PORT: '3001', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/onestop_intake' };

let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'kafka-settings-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const problemsOf = (source: Record<string, string>): string[] => configProblems(PlatformEnv, source, defaults);

describe('Kafka security settings', () => {
  it('connects without SASL or TLS when none is set (the local broker)', () => {
    const settings = kafkaSettings(loadConfig(PlatformEnv, {}, defaults), 'onestop-intake');
    expect(settings).toEqual({ brokers: ['127.0.0.1:9092'], clientId: 'onestop-intake' });
  });

  it('authenticates with SCRAM and trusts the given CA', () => {
    const ca = file('ca.crt', '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    const env = loadConfig(
      PlatformEnv,
      {
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_USERNAME: 'onestop-intake',
        KAFKA_SASL_PASSWORD: 's3cret',
        KAFKA_TLS: 'true',
        KAFKA_TLS_CA_FILE: ca,
      },
      defaults,
    );
    const settings = kafkaSettings(env, 'onestop-intake');
    expect(settings.sasl).toEqual({ mechanism: 'scram-sha-512', username: 'onestop-intake', password: 's3cret' });
    expect(settings.tls?.ca).toContain('BEGIN CERTIFICATE');
  });

  it('reads the password from its file at each use, so a rotated Secret is taken up without a restart', () => {
    const passwordFile = file('password', 'first\n');
    const env = loadConfig(
      PlatformEnv,
      {
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_USERNAME: 'reporting',
        KAFKA_SASL_PASSWORD_FILE: passwordFile,
      },
      defaults,
    );
    const sasl = kafkaSettings(env, 'onestop-reporting').sasl as { password: string };
    expect(sasl.password).toBe('first');
    writeFileSync(passwordFile, 'second');
    expect(sasl.password).toBe('second');
  });

  it('stops the service naming the variable when SASL is half configured', () => {
    expect(problemsOf({ KAFKA_SASL_USERNAME: 'intake', KAFKA_SASL_PASSWORD: 'x' })).toEqual([
      'KAFKA_SASL_MECHANISM: must be scram-sha-512, scram-sha-256 or plain when a SASL user or password is set',
    ]);
    expect(problemsOf({ KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_PASSWORD: 'x' })).toEqual([
      'KAFKA_SASL_USERNAME: must be set with KAFKA_SASL_MECHANISM (the Kafka user)',
    ]);
    const missingPassword = problemsOf({ KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'intake' });
    expect(missingPassword.map((problem) => problem.split(':')[0])).toEqual([
      'KAFKA_SASL_PASSWORD',
      'KAFKA_SASL_PASSWORD_FILE',
    ]);
    expect(
      problemsOf({ KAFKA_SASL_MECHANISM: 'scram-sha-1', KAFKA_SASL_USERNAME: 'intake', KAFKA_SASL_PASSWORD: 'x' })[0],
    ).toMatch(/^KAFKA_SASL_MECHANISM: must be scram-sha-512/);
  });

  it('refuses two passwords, an unreadable password file, and a CA without TLS', () => {
    const passwordFile = file('both', 'x');
    expect(
      problemsOf({
        KAFKA_SASL_MECHANISM: 'plain',
        KAFKA_SASL_USERNAME: 'u',
        KAFKA_SASL_PASSWORD: 'x',
        KAFKA_SASL_PASSWORD_FILE: passwordFile,
      }),
    ).toEqual(['KAFKA_SASL_PASSWORD: and KAFKA_SASL_PASSWORD_FILE are both set; keep one']);
    expect(
      problemsOf({
        KAFKA_SASL_MECHANISM: 'plain',
        KAFKA_SASL_USERNAME: 'u',
        KAFKA_SASL_PASSWORD_FILE: join(dir, 'missing'),
      }),
    ).toEqual(['KAFKA_SASL_PASSWORD_FILE: must name a file this process can read']);
    expect(problemsOf({ KAFKA_TLS_CA_FILE: file('ca2.crt', 'x') })[0]).toMatch(
      /^KAFKA_TLS_CA_FILE: is set but KAFKA_TLS is not true/,
    );
    expect(problemsOf({ KAFKA_TLS: 'yes' })).toEqual(['KAFKA_TLS: must be true or false (got "yes")']);
  });

  it('never shows the password in a problem', () => {
    const problems = problemsOf({ KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_PASSWORD: 'hunter2' });
    expect(problems.join('\n')).not.toContain('hunter2');
  });
});
