import { ConfigError, loadConfig } from './load-config';
import { PlatformEnv } from './platform-env';

const defaults = { PORT: '3001', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/onestop_intake' };

function problemsOf(source: Record<string, string>): string[] {
  try {
    loadConfig(PlatformEnv, source, defaults);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('fills defaults and converts types', () => {
    const env = loadConfig(PlatformEnv, { KAFKA_BROKERS: 'k1:9092, k2:9092', PORT: '4000' }, defaults);
    expect(env.PORT).toBe(4000);
    expect(env.KAFKA_BROKERS).toEqual(['k1:9092', 'k2:9092']);
    expect(env.NODE_ENV).toBe('development');
  });

  it('names each wrong variable with what it must be and what it got', () => {
    const problems = problemsOf({ PORT: 'eighty', KAFKA_BROKERS: 'localhost', LOG_LEVEL: 'loud' });
    expect(problems).toEqual([
      'PORT: must be a port number from 1 to 65535 (got "eighty")',
      'KAFKA_BROKERS: must be a comma-separated list of host:port (got "localhost")',
      'LOG_LEVEL: must be one of the following values: fatal, error, warn, info, debug, trace, silent (got "loud")',
    ]);
  });

  it('does not echo values of variables that may hold secrets', () => {
    const [problem] = problemsOf({ DATABASE_URL: 'mysql://root:s3cret@db/x' });
    expect(problem).toMatch(/^DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(problem).not.toContain('s3cret');
  });

  it('requires the identity provider and refuses the development key in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production', AUTH_DEV_KEY_FILE: '/tmp/key.json' });
    expect(problems.map((p) => p.split(':')[0])).toEqual(['AUTH_JWKS_URL', 'AUTH_DEV_KEY_FILE']);
  });
});
