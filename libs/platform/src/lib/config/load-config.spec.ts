import { configProblems, loadConfig } from './load-config';
import { PlatformEnv } from './platform-env';

const defaults = { PORT: '3001', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/onestop_intake' };

const problemsOf = (source: Record<string, string>): string[] => configProblems(PlatformEnv, source, defaults);

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

describe('clock settings', () => {
  it('runs on the system clock unless simulated time is asked for', () => {
    const env = loadConfig(PlatformEnv, {}, defaults);
    expect(env.CLOCK).toBe('system');
    expect(env.CLOCK_SIMULATION_ALLOWED).toBe(false);
    expect(loadConfig(PlatformEnv, { CLOCK: 'simulated' }, defaults).CLOCK).toBe('simulated');
  });

  it('refuses simulated time in production, naming CLOCK, unless explicitly allowed', () => {
    const production = { NODE_ENV: 'production', AUTH_JWKS_URL: 'https://idp.example/jwks' };
    expect(problemsOf({ ...production, CLOCK: 'simulated' })).toEqual([
      'CLOCK: simulated time is refused in production unless CLOCK_SIMULATION_ALLOWED=true (got "simulated")',
    ]);
    expect(problemsOf({ ...production, CLOCK: 'simulated', CLOCK_SIMULATION_ALLOWED: 'false' })).toHaveLength(1);
    expect(problemsOf({ ...production, CLOCK: 'simulated', CLOCK_SIMULATION_ALLOWED: 'true' })).toEqual([]);
    expect(problemsOf({ ...production, CLOCK: 'system' })).toEqual([]);
  });

  it('reads CLOCK_SIMULATION_ALLOWED as true or false only', () => {
    expect(loadConfig(PlatformEnv, { CLOCK_SIMULATION_ALLOWED: 'true' }, defaults).CLOCK_SIMULATION_ALLOWED).toBe(true);
    expect(loadConfig(PlatformEnv, { CLOCK_SIMULATION_ALLOWED: 'false' }, defaults).CLOCK_SIMULATION_ALLOWED).toBe(
      false,
    );
    expect(problemsOf({ CLOCK_SIMULATION_ALLOWED: 'yes', CLOCK: 'sped-up' })).toEqual([
      'CLOCK: must be one of the following values: system, simulated (got "sped-up")',
      'CLOCK_SIMULATION_ALLOWED: must be true or false (got "yes")',
    ]);
  });
});
