import { waitFor } from '@onestop/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { ROOT } from '../stack/run';

/**
 * The load comes from one address with a few accounts (40 desks filing 2,000 dossiers a second,
 * one leader signing): the API limits stand above it, still counted in Redis as in production.
 */
const BENCH_LIMITS = { API_RATE_LIMIT_PER_MINUTE: '100000000', API_RATE_LIMIT_PER_ADDRESS_PER_MINUTE: '100000000' };

/** A service as `npm run up` runs it, in its own process, logging warnings only; ready when it answers. */
export async function startServiceProcess(
  service: string,
  port: number,
  env: Record<string, string>,
): Promise<ChildProcess> {
  const profile = process.env['BENCH_CPU_PROFILE_DIR']
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_CPU_PROFILE_DIR']}`]
    : [];
  const child = spawn(process.execPath, [...profile, '-r', './tools/ts-register.js', `apps/${service}/src/main.ts`], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'development', PORT: String(port), LOG_LEVEL: 'warn', ...BENCH_LIMITS, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitFor(
    async () => {
      if (child.exitCode !== null) throw new Error(`${service} exited (${child.exitCode}) while starting`);
      return fetch(`http://127.0.0.1:${port}/health/ready`).then(
        (response) => response.ok,
        () => false,
      );
    },
    90_000,
    `${service} ready`,
  );
  return child;
}

export async function stopAll(processes: ChildProcess[]): Promise<void> {
  await Promise.all(
    processes.map((child) => {
      if (child.exitCode !== null) return null;
      child.kill('SIGTERM');
      return new Promise((resolve) => child.once('exit', resolve));
    }),
  );
}
