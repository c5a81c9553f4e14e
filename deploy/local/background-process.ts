import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Whether `pid` still runs what a pid file was written for. A pid file outlives its process (a
 * reboot, a killed JVM) and the pid may then belong to anything: the process counts only while its
 * command line passes `isOurs`. Without procfs (macOS) the pid alone must do.
 */
export function runs(pid: number, isOurs: (commandLine: string[]) => boolean): boolean {
  if (!existsSync('/proc/self/cmdline')) return processExists(pid);
  try {
    return isOurs(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0'));
  } catch {
    return false;
  }
}

/** The pid in `pidFile` while that process is still ours; null otherwise. */
export function livePid(pidFile: string, isOurs: (pid: number) => boolean): number | null {
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && isOurs(pid) ? pid : null;
}

/** SIGTERM lets a JVM shut down in a controlled way; SIGKILL only when that takes over 30 s. */
export async function stopProcess(pid: number, isOurs: (pid: number) => boolean): Promise<void> {
  signal(pid, 'SIGTERM');
  if (await exitsWithin(pid, isOurs, 30_000)) return;
  signal(pid, 'SIGKILL');
  await exitsWithin(pid, isOurs, 5_000);
}

async function exitsWithin(pid: number, isOurs: (pid: number) => boolean, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (isOurs(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error; // it exited meanwhile
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether something listens on the port: what a start checks before it takes the port. */
export function acceptsConnections(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const answer = (accepted: boolean) => {
      socket.destroy();
      resolve(accepted);
    };
    socket.setTimeout(1_000, () => answer(false));
    socket.once('connect', () => answer(true));
    socket.once('error', () => answer(false));
  });
}
