import { waitFor } from '@onestop/testing';
import { ChildProcess, spawn } from 'node:child_process';
import { ROOT } from '../stack/run';

/** A service as `npm run up` runs it, in its own process, logging warnings only; ready when it answers. */
export async function startServiceProcess(service: string, port: number, env: Record<string, string>): Promise<ChildProcess> {
  const profile = process.env['BENCH_CPU_PROFILE_DIR'] ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_CPU_PROFILE_DIR']}`] : [];
  const child = spawn(process.execPath, [...profile, '-r', './tools/ts-register.js', `apps/${service}/src/main.ts`], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'development', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitFor(async () => {
    if (child.exitCode !== null) throw new Error(`${service} exited (${child.exitCode}) while starting`);
    return fetch(`http://127.0.0.1:${port}/health/ready`).then((response) => response.ok, () => false);
  }, 90_000, `${service} ready`);
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
